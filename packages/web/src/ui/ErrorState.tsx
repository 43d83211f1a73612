import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message.ts';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  title?: string;
}

/** A failed load with the reason and a retry button. */
export function ErrorState({ error, onRetry, retrying, title }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      title={title ?? t('errors.title')}
      icon={<IconAlertTriangle size={20} />}
      role="alert"
    >
      <Text size="sm">{errorMessage(error, t)}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

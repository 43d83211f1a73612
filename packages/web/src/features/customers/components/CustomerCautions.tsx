import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Cautions are shown first and loud: a rep must read them before walking in. */
export function CustomerCautions({ cautions }: { cautions: string }) {
  const { t } = useTranslation();
  if (!cautions.trim()) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconAlertTriangle size={20} />}
      title={t('customer.cautions')}
      data-testid="customer-cautions"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {cautions}
      </Text>
    </Alert>
  );
}

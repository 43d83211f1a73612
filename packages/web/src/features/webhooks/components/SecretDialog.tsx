import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown this once (after adding a web hook or rotating its secret). */
export function SecretDialog({ secret, url, onClose }: { secret: string; url: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('webhooks.secretTitle')} size="lg">
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconKey size={18} />}>
          {t('webhooks.secretOnce')}
        </Alert>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {url}
        </Text>
        <Code block data-testid="webhook-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <Text size="xs" c="dimmed">
          {t('webhooks.secretHow')}
        </Text>
        <Group justify="space-between">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('webhooks.copied') : t('webhooks.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('webhooks.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

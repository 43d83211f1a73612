import { Alert, Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/plan-types.ts';

interface OptimizeProgressProps {
  plan: Plan;
  onCancel: () => void;
  cancelling: boolean;
  onDismiss: () => void;
}

const MESSAGES = ['loading', 'solving', 'saving'] as const;

/** A plan being computed: the job's real progress and キャンセル; then done, failed or cancelled. */
export function OptimizeProgress({ plan, onCancel, cancelling, onDismiss }: OptimizeProgressProps) {
  const { t } = useTranslation();
  if (plan.status === 'failed' || plan.status === 'cancelled') {
    const failed = plan.status === 'failed';
    return (
      <Alert
        color={failed ? 'red' : 'gray'}
        variant="light"
        role="alert"
        icon={<IconAlertTriangle size={18} />}
        title={failed ? t('plan.progress.failedTitle') : t('plan.progress.cancelledTitle')}
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={onDismiss}
        mb="md"
      >
        {failed ? t('plan.progress.failedBody') : t('plan.progress.cancelledBody')}
      </Alert>
    );
  }
  const done = plan.status === 'ready';
  const fraction = done ? 1 : Math.min(1, Math.max(0, plan.progress?.fraction ?? 0));
  const key = plan.progress?.message;
  const message = done
    ? t('plan.progress.done')
    : key && (MESSAGES as readonly string[]).includes(key)
      ? t(`plan.progress.${key}`)
      : t('plan.progress.queued');
  const percent = Math.round(fraction * 100);
  return (
    <Paper withBorder radius="md" p="sm" mb="md" data-testid="plan-progress">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            {done && <IconCircleCheck size={18} color="var(--mantine-color-green-7)" />}
            <Text size="sm" fw={600} role="status">
              {message}
            </Text>
          </Group>
          {done ? (
            <CloseButton aria-label={t('common.close')} onClick={onDismiss} />
          ) : (
            <Button size="compact-sm" variant="default" onClick={onCancel} loading={cancelling}>
              {t('plan.progress.cancel')}
            </Button>
          )}
        </Group>
        <Progress
          value={percent}
          color={done ? 'green' : 'indigo'}
          animated={!done}
          size="lg"
          aria-label={t('plan.progress.label')}
          data-testid="plan-progress-bar"
        />
        <Text size="xs" c="dimmed">
          {t('plan.progress.percent', { percent })}
        </Text>
      </Stack>
    </Paper>
  );
}

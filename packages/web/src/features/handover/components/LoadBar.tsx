import type { HandoverRepLoad } from '@kayoi/server/contracts';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A rep's cadence load before → after against their capacity (visits a month). */
export function LoadBar({ load }: { load: HandoverRepLoad }) {
  const { t } = useTranslation();
  const cap = Math.max(1, load.capacityPerMonth);
  const before = Math.min(100, (load.visitsPerMonthBefore / cap) * 100);
  const after = Math.min(100, (load.visitsPerMonthAfter / cap) * 100);
  const change = after - before;
  const color = load.overCapacity ? 'red' : after > 85 ? 'orange' : 'indigo';
  return (
    <Stack
      gap={4}
      data-testid="handover-load"
      data-rep={load.repId}
      data-over={load.overCapacity || undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm" truncate>
          {load.name}{' '}
          <Text span c="dimmed" size="xs">
            {t(`handover.reassign.role.${load.role}`)}
          </Text>
        </Text>
        <Text size="xs" c={load.overCapacity ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {t('handover.reassign.loadFigures', {
            before: load.visitsPerMonthBefore,
            after: load.visitsPerMonthAfter,
            capacity: load.capacityPerMonth,
          })}
        </Text>
      </Group>
      <Progress.Root size="lg" aria-label={load.name}>
        {change >= 0 ? (
          <>
            <Progress.Section value={before} color={color} />
            <Progress.Section value={change} color={color} style={{ opacity: 0.45 }} />
          </>
        ) : (
          <>
            <Progress.Section value={after} color={color} />
            <Progress.Section value={-change} color="gray.4" />
          </>
        )}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {t('handover.reassign.customersFigures', {
          before: load.customersBefore,
          after: load.customersAfter,
          perDay: load.visitsPerDay,
          days: load.workingDays,
        })}
      </Text>
    </Stack>
  );
}

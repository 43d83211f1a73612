import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import type { Customer } from '../api/customer-types.ts';
import { VisitDueBadge } from './VisitDueBadge.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ textAlign: 'right' }}>{children}</div>
    </Group>
  );
}

/** Cadence and visit conditions: what route planning uses. */
export function CustomerVisitCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const weekdays = [...customer.preferredWeekdays].sort((a, b) => a - b);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="md" mb="sm">
        {t('customer.visit')}
      </Title>
      <Stack gap="xs">
        <Row label={t('customer.stats.lastVisit')}>
          <Group gap={6} justify="flex-end">
            <RelativeDate value={customer.lastVisitAt} size="sm" fw={600} />
            <VisitDueBadge
              lastVisitAt={customer.lastVisitAt}
              cadenceDays={customer.cadenceDays}
              toleranceDays={customer.cadenceToleranceDays}
            />
          </Group>
        </Row>
        <Row label={t('customer.cadence')}>
          <Text size="sm" fw={600}>
            {t('customers.cadenceEvery', { count: customer.cadenceDays })}
            {customer.cadenceToleranceDays > 0 && ' '}
            {customer.cadenceToleranceDays > 0 && (
              <Text span size="xs" c="dimmed">
                ({t('customers.cadenceTolerance', { count: customer.cadenceToleranceDays })})
              </Text>
            )}
          </Text>
        </Row>
        <Row label={t('customer.preferredWeekdays')}>
          {weekdays.length === 0 ? (
            <Text size="sm">{t('customer.anyDay')}</Text>
          ) : (
            <Group gap={4} justify="flex-end">
              {weekdays.map((day) => (
                <Badge
                  key={day}
                  variant="light"
                  color={day === 0 ? 'red' : day === 6 ? 'blue' : 'gray'}
                  radius="sm"
                >
                  {t(`weekdays.${day}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Row>
        <Row label={t('customer.timeWindows')}>
          {customer.timeWindows.length === 0 ? (
            <Text size="sm">{t('customer.anyTime')}</Text>
          ) : (
            <Stack gap={0}>
              {customer.timeWindows.map((window) => (
                <Text key={`${window.start}-${window.end}`} size="sm" className="tabular">
                  {window.start}〜{window.end}
                </Text>
              ))}
            </Stack>
          )}
        </Row>
        <Row label={t('customer.visitDuration')}>
          <Text size="sm">{t('customer.minutes', { count: customer.visitDurationMinutes })}</Text>
        </Row>
      </Stack>
    </Paper>
  );
}

import type { HandoverSheetSummary } from '@kayoi/server/contracts';
import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent, IconExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { handoverKeys, listHandoverSheets, type SheetListQuery } from '../api/handover-api.ts';

function SheetRow({ sheet }: { sheet: HandoverSheetSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <UnstyledButton
      renderRoot={(props) => (
        <Link {...props} to="/handovers/sheets/$sheetId" params={{ sheetId: sheet.id }} />
      )}
      data-testid="handover-sheet-row"
      px="md"
      py="sm"
      style={{ display: 'block', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {sheet.customerName}
          </Text>
          <Text size="xs" c="dimmed">
            {t('handover.sheets.fromTo', { from: sheet.fromRepName ?? '—', to: sheet.toRepName })} ·{' '}
            {formatDateTime(sheet.createdAt, i18n.language)}
          </Text>
          {sheet.note && (
            <Text size="sm" lineClamp={2}>
              {sheet.note}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          {sheet.introDate && (
            <Badge variant="light" leftSection={<IconCalendarEvent size={12} />}>
              {formatDate(`${sheet.introDate}T03:00:00Z`, i18n.language)}
            </Badge>
          )}
          {sheet.followupsMoved > 0 && (
            <Badge variant="outline" color="orange">
              {t('handover.sheets.promises', { count: sheet.followupsMoved })}
            </Badge>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The handover sheets of a query (the caller's by default), newest first. */
export function HandoverSheetsList({ query }: { query: SheetListQuery }) {
  const { t } = useTranslation();
  const sheets = useQuery({
    queryKey: handoverKeys.sheets(query),
    queryFn: ({ signal }) => listHandoverSheets(query, signal),
  });
  if (sheets.isPending) return <ListSkeleton />;
  if (sheets.isError) return <ErrorState error={sheets.error} onRetry={() => void sheets.refetch()} />;
  if (sheets.data.items.length === 0)
    return (
      <EmptyPanel
        icon={<IconExchange size={28} />}
        title={t('handover.sheets.empty')}
        description={t('handover.sheets.emptyHint')}
      />
    );
  return (
    <Card withBorder radius="md" p={0} data-testid="handover-sheets">
      {sheets.data.items.map((s) => (
        <SheetRow key={s.id} sheet={s} />
      ))}
    </Card>
  );
}

import { Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconNote, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { BriefingBody } from '../../briefing/components/BriefingView.tsx';
import { getHandoverSheet, handoverKeys } from '../api/handover-api.ts';
import { IntroVisitCard } from './IntroVisitCard.tsx';

/**
 * 引き継ぎシート: for the new rep, the outgoing side's note and the suggested introduction visit
 * first, then the customer's briefing (cautions, history, open promises, complaints, quotes) and
 * who had the customer when. Prints on A4 without the app shell.
 */
export function HandoverSheetView({ sheetId }: { sheetId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({
    queryKey: handoverKeys.sheet(sheetId),
    queryFn: ({ signal }) => getHandoverSheet(sheetId, signal),
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <Stack gap="sm" className="kayoi-briefing" data-testid="handover-sheet">
      <PageHeader
        title={t('handover.sheet.title', { name: s.customerName })}
        subtitle={t('handover.sheet.subtitle', {
          from: s.fromRepName ?? '—',
          to: s.toRepName,
          date: formatDateTime(s.createdAt, lang),
          by: s.createdByName ?? '—',
        })}
        actions={
          <Button
            variant="light"
            className="no-print"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
          >
            {t('handover.sheet.print')}
          </Button>
        }
      />
      <Card withBorder radius="md" data-testid="handover-sheet-note">
        <Group gap="xs" mb={6}>
          <IconNote size={18} />
          <Title order={2} fz={15}>
            {t('handover.sheet.note')}
          </Title>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={s.note ? undefined : 'dimmed'}>
          {s.note || t('handover.sheet.noNote')}
        </Text>
      </Card>
      <IntroVisitCard sheet={s} />
      <BriefingBody briefing={s.briefing} printable={false} />
      <section>
        <Title order={2} fz={15} mb={6}>
          {t('handover.sheet.history')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} data-testid="handover-sheet-history">
          {s.assignments.map((a) => (
            <Timeline.Item
              key={`${a.assignedAt}-${a.toRepName}`}
              title={t('handover.sheets.fromTo', { from: a.fromRepName ?? '—', to: a.toRepName })}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(a.assignedAt, lang)} · {a.assignedByName ?? '—'}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </section>
    </Stack>
  );
}

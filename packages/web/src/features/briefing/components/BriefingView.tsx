import type { Briefing, BriefingSource } from '@kayoi/server/contracts';
import { complaintStatusLabels } from '@kayoi/server/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconFilePlus, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { CustomerHealthCard } from '../../health/components/CustomerHealthCard.tsx';
import { CustomerNotesCard } from '../../offline/components/CustomerNotesCard.tsx';
import { CrossSellCard } from '../../signals/components/CrossSellCard.tsx';
import { ReorderCard } from '../../signals/components/ReorderCard.tsx';
import { fromBriefingLine } from '../../signals/utils/reorder-items.ts';
import { briefingKeys, getBriefing, sourceHref } from '../api/briefing-api.ts';
import './briefing-print.css';

const day = (d: string, language: string) => formatDate(`${d}T03:00:00Z`, language);

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId}>
      <Title order={2} fz={15} mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The pre-visit briefing: 注意点 first and unmissable, then the sections, every line a link to its record. */
export function BriefingView({ customerId }: { customerId: string }) {
  const query = useQuery({
    queryKey: briefingKeys.one(customerId),
    queryFn: ({ signal }) => getBriefing(customerId, signal),
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="sm">
      <BriefingBody briefing={query.data} />
      <CustomerHealthCard customerId={customerId} />
      <CustomerNotesCard customerId={customerId} />
    </Stack>
  );
}

export function BriefingBody({
  briefing: b,
  printable = true,
}: {
  briefing: Briefing;
  /** Its own 印刷 button; off where the page around it prints it (a handover sheet). */
  printable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const link = (source: BriefingSource, children: ReactNode) => (
    <Anchor
      href={sourceHref(b.customer.id, source)}
      size="sm"
      c="inherit"
      underline="hover"
      data-source={`${source.kind}:${source.id}`}
    >
      {children}
    </Anchor>
  );
  const none = (
    <Text size="sm" c="dimmed">
      {t('briefing.none')}
    </Text>
  );
  const promises = [...b.promises.ours, ...b.promises.theirs];
  return (
    <Stack gap="sm" className="kayoi-briefing" data-testid="briefing">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={1} fz={20}>
            {b.customer.name}
          </Title>
          <Text size="xs" c="dimmed">
            {b.customer.code} · {b.customer.rank} · {b.customer.address}
          </Text>
          <Text size="xs" c="dimmed">
            {t('briefing.generated', { at: formatDateTime(b.generatedAt, lang) })}
            {b.customer.lastVisitAt
              ? ` · ${t('briefing.lastVisit', { date: formatDate(b.customer.lastVisitAt, lang) })}`
              : ''}
          </Text>
        </Stack>
        <Stack gap={6} className="no-print" style={{ flexShrink: 0 }}>
          {printable && (
            <Button
              className="no-print"
              variant="default"
              size="compact-md"
              h={44}
              style={{ flexShrink: 0 }}
              leftSection={<IconPrinter size={16} />}
              onClick={() => window.print()}
            >
              {t('briefing.print')}
            </Button>
          )}
          <Button
            className="no-print"
            variant="light"
            size="compact-md"
            h={44}
            style={{ flexShrink: 0 }}
            leftSection={<IconFilePlus size={16} />}
            renderRoot={(props) => (
              <Link {...props} to="/quotes/new" search={{ customerId: b.customer.id }} />
            )}
          >
            {t('quotes.create')}
          </Button>
        </Stack>
      </Group>

      {b.cautions.length > 0 && (
        <Alert
          color="red"
          variant="filled"
          icon={<IconAlertOctagon size={22} />}
          title={t('briefing.cautions')}
          data-testid="briefing-cautions"
          role="alert"
        >
          <List size="sm" spacing={2} c="white">
            {b.cautions.map((line) => (
              <List.Item key={`${line.source.id}-${line.source.field ?? ''}-${line.text}`}>
                {link(
                  line.source,
                  <Text span fw={700} c="white">
                    {line.text}
                  </Text>,
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {b.awaitingConfirmation.length > 0 && (
        <Alert color="violet" title={t('briefing.awaitingConfirmation')} data-testid="briefing-awaiting">
          {b.awaitingConfirmation.map((c) => (
            <Text key={c.source.id} size="sm">
              {link(c.source, `${c.title}（${t('briefing.askConfirm')}）`)}
            </Text>
          ))}
        </Alert>
      )}

      <Card withBorder p="sm" radius="md">
        <Section title={t('briefing.talkingPoints')} testId="briefing-talking">
          {b.talkingPoints.length === 0 ? (
            none
          ) : (
            <List size="sm" type="ordered" spacing={4}>
              {b.talkingPoints.map((p) => (
                <List.Item key={`${p.reason}-${p.source.id}`}>
                  {link(p.source, lang === 'en' ? p.message.en : p.message.ja)}
                  <Text size="xs" c="dimmed">
                    {t('briefing.because')} {t(`briefing.reason.${p.reason}`)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </Card>

      {/* A briefing stored offline by an older version may lack either list. On paper the cards
          are left out: 話すこと above already names each due and suggested product, and the
          one-page print has no room for their buttons. */}
      {(b.reorderDue?.length ?? 0) > 0 && (
        <div className="no-print">
          <ReorderCard
            customerId={b.customer.id}
            items={b.reorderDue.map(fromBriefingLine)}
            today={b.today}
          />
        </div>
      )}
      {(b.crossSell?.length ?? 0) > 0 && (
        <div className="no-print">
          <CrossSellCard customerId={b.customer.id} items={b.crossSell} />
        </div>
      )}

      <Section title={t('briefing.promises')} testId="briefing-promises">
        {!b.promises.available || promises.length === 0 ? (
          none
        ) : (
          <Stack gap={2}>
            {promises.map((p) => (
              <Group key={p.source.id} gap={6} wrap="nowrap">
                <Badge size="xs" color={p.overdue ? 'red' : 'gray'} variant={p.overdue ? 'filled' : 'light'}>
                  {p.overdue ? t('briefing.overdue') : day(p.dueDate, lang)}
                </Badge>
                <Badge size="xs" variant="outline">
                  {t(`briefing.owner.${p.owner}`)}
                </Badge>
                {link(p.source, p.title)}
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('briefing.complaints')} testId="briefing-complaints">
        {b.openComplaints.length === 0 ? (
          none
        ) : (
          <Stack gap={2}>
            {b.openComplaints.map((c) => (
              <Group key={c.source.id} gap={6} wrap="nowrap">
                <Badge size="xs" color={c.overdue ? 'red' : 'orange'}>
                  {lang === 'en' ? complaintStatusLabels[c.status].en : complaintStatusLabels[c.status].ja}
                </Badge>
                {link(c.source, `${c.title}（${t('briefing.ageDays', { count: c.ageDays })}）`)}
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('briefing.lastVisits')}>
        {b.lastVisits.items.length === 0 ? (
          none
        ) : (
          <Stack gap={2}>
            {b.lastVisits.items.map((v) => (
              <Text key={v.source.id} size="sm" lineClamp={2}>
                {day(v.date, lang)} {v.repName ?? ''}: {link(v.source, v.summary)}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('briefing.orders')}>
        <Text size="xs" c="dimmed">
          {t('briefing.trend', {
            recent: formatYen(b.recentOrders.trend.recentAmount, lang),
            previous: formatYen(b.recentOrders.trend.previousAmount, lang),
            change:
              b.recentOrders.trend.changePercent === null ? '—' : `${b.recentOrders.trend.changePercent}%`,
          })}
        </Text>
        {b.recentOrders.items.map((o) => (
          <Text key={o.source.id} size="sm" truncate>
            {day(o.orderedDate, lang)} {link(o.source, `${o.orderNo} ${formatYen(o.subtotal, lang)}`)}{' '}
            {o.items}
          </Text>
        ))}
      </Section>

      {b.preferences.length > 0 && (
        <Section title={t('briefing.preferences')}>
          {b.preferences.map((p) => (
            <Text key={`${p.source.id}-${p.source.field ?? ''}-${p.text}`} size="sm">
              {link(p.source, p.text)}
            </Text>
          ))}
        </Section>
      )}
      {(b.openQuotes.items.length > 0 || b.forms.items.length > 0) && (
        <Section title={t('briefing.quotesForms')}>
          {b.openQuotes.items.map((q) => (
            <Text key={q.source.id} size="sm">
              {link(q.source, `${q.title} ${formatYen(q.amount, lang)}`)}
            </Text>
          ))}
          {b.forms.items.map((f) => (
            <Text key={f.source.id} size="sm">
              {link(
                f.source,
                `${f.title}（${t(`briefing.formStatus.${f.status}`, { defaultValue: f.status })}）`,
              )}
            </Text>
          ))}
        </Section>
      )}
    </Stack>
  );
}

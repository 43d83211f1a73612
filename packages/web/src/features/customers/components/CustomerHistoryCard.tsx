import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArchive,
  IconArrowsExchange,
  IconChevronDown,
  IconFileImport,
  IconHistory,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, relativeTime } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import type { Customer, HistoryEntry } from '../api/customer-types.ts';
import { useCustomerHistory } from '../hooks/useCustomerHistory.ts';
import { useAreas, useReps } from '../hooks/useReferenceData.ts';
import {
  collectHistoryNames,
  EMPTY_VALUE,
  type HistoryChangeLine,
  type HistoryNames,
  historyChangeLines,
  historyContactName,
  isContactEntry,
  isNoOpEntry,
} from '../utils/history-changes.ts';
import classes from './CustomerHistoryCard.module.css';

/** Entries with more changed fields than this (a create lists every field) show the first few. */
const COLLAPSED_LINES = 5;

const ACTION_ICONS: Record<HistoryEntry['action'], ReactNode> = {
  create: <IconPlus size={12} />,
  update: <IconPencil size={12} />,
  archive: <IconArchive size={12} />,
  status_change: <IconArrowsExchange size={12} />,
  delete: <IconTrash size={12} />,
  commit: <IconFileImport size={12} />,
};

const ACTION_COLORS: Record<HistoryEntry['action'], string> = {
  create: 'teal',
  update: 'blue',
  archive: 'gray',
  status_change: 'orange',
  delete: 'red',
  commit: 'grape',
};

/**
 * Long or multi-line values read better as the old value above 「→ new value」 than side by side
 * ('after' when only the new value is long: it then flows from the line start as it wraps).
 */
const LONG_CHANGE_CHARS = 32;
const layoutOf = ({ before = '', after = '' }: HistoryChangeLine): 'stacked' | 'after' | undefined => {
  const long = (text: string) => text.includes('\n') || text.length > LONG_CHANGE_CHARS / 2;
  if (!before.includes('\n') && !after.includes('\n') && before.length + after.length <= LONG_CHANGE_CHARS)
    return undefined;
  return before !== EMPTY_VALUE && long(before) ? 'stacked' : 'after';
};

function ChangeLines({ lines }: { lines: readonly HistoryChangeLine[] }) {
  return (
    <dl className={classes.changes}>
      {lines.map((line) => (
        <div key={line.field} className={classes.row}>
          <dt className={classes.label}>{line.label}</dt>
          <dd className={classes.value} data-layout={layoutOf(line)}>
            {line.before !== undefined && (
              <span className={line.after === undefined ? classes.removed : classes.before}>
                {line.before}
              </span>
            )}
            {line.before !== undefined && line.after !== undefined && (
              <span className={classes.arrow}>{' → '}</span>
            )}
            {line.after !== undefined && <span className={classes.after}>{line.after}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function HistoryWhen({ at }: { at: string }) {
  const { t, i18n } = useTranslation();
  const relative = relativeTime(at);
  const label =
    'count' in relative
      ? t(`relative.${relative.unit}`, { count: relative.count })
      : t(`relative.${relative.unit}`);
  return (
    <Text component="time" dateTime={at} size="xs" c="dimmed">
      {t('customer.history.when', { relative: label, exact: formatDateTime(at, i18n.language) })}
    </Text>
  );
}

interface HistoryItemProps {
  entry: HistoryEntry;
  lines: readonly HistoryChangeLine[];
  names: HistoryNames;
}

function HistoryItem({ entry, lines, names }: HistoryItemProps) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const contact = isContactEntry(entry);
  const contactActionKey = `customer.history.contactActions.${entry.action}`;
  // Clearing archivedAt is how a restore is recorded.
  const restored =
    entry.action === 'status_change' &&
    'archivedAt' in entry.changes &&
    entry.changes.archivedAt?.after === null;
  const action =
    contact && i18n.exists(contactActionKey)
      ? t(contactActionKey)
      : restored
        ? t('customer.history.actions.restore')
        : t(`customer.history.actions.${entry.action}`);
  const collapsible = lines.length > COLLAPSED_LINES + 1;
  const shown = collapsible && !expanded ? lines.slice(0, COLLAPSED_LINES) : lines;
  const importId = entry.context.importId;

  return (
    <Stack gap={4} data-testid="history-entry">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {entry.actor.name ?? t('customer.history.unknownUser')}
            <Text span size="xs" c="dimmed" fw={400}>
              {t('customer.history.role', {
                role: t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role }),
              })}
            </Text>
          </Text>
          <HistoryWhen at={entry.at} />
        </Stack>
        <Group gap={4} justify="flex-end" style={{ flexShrink: 0 }}>
          {importId && (
            <Badge
              size="sm"
              radius="sm"
              variant="outline"
              color="grape"
              leftSection={<IconFileImport size={11} />}
              title={t('customer.history.fromImportTitle', { importId })}
            >
              {t('customer.history.fromImport')}
            </Badge>
          )}
          <Badge size="sm" radius="sm" variant="light" color={ACTION_COLORS[entry.action] ?? 'gray'}>
            {action}
          </Badge>
        </Group>
      </Group>
      {contact && (
        <Text size="sm" fw={600}>
          {t('customer.history.contact', {
            name: historyContactName(entry, names) ?? t('customer.history.unknownContact'),
          })}
        </Text>
      )}
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customer.history.noFieldChanges')}
        </Text>
      ) : (
        <ChangeLines lines={shown} />
      )}
      {collapsible && (
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          px={0}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? t('customer.history.showFewerChanges')
            : t('customer.history.showAllChanges', { count: lines.length - COLLAPSED_LINES })}
        </Button>
      )}
    </Stack>
  );
}

/** Names of reps, areas and contacts the page already has, to show ids in the history as names. */
const useKnownNames = (customer: Customer): HistoryNames => {
  const me = useMe();
  const areas = useAreas();
  const reps = useReps(me.user.role !== 'rep');
  return useMemo(() => {
    const users = new Map<string, string>([[me.user.id, me.user.name]]);
    for (const rep of reps.data ?? []) users.set(rep.id, rep.name);
    if (customer.repId && customer.repName) users.set(customer.repId, customer.repName);
    const areaNames = new Map<string, string>((areas.data ?? []).map((area) => [area.id, area.name]));
    if (customer.areaId && customer.areaName) areaNames.set(customer.areaId, customer.areaName);
    const contacts = new Map(customer.contacts.map((contact) => [contact.id, contact.name]));
    return { users, areas: areaNames, contacts };
  }, [me.user, reps.data, areas.data, customer]);
};

interface CustomerHistoryCardProps {
  customer: Customer;
  /** Scrolls the entries inside the card beyond this height (beside other cards on a desk). */
  maxHeight?: number;
}

/**
 * The カルテ's 変更履歴: who changed what and when, newest first, each changed field as
 * 「label: before → after」, older entries on request. Everything is rendered as text.
 */
export function CustomerHistoryCard({ customer, maxHeight }: CustomerHistoryCardProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const history = useCustomerHistory(customer.id);
  const known = useKnownNames(customer);
  const entries = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? [], [history.data]);
  const names = useMemo(() => collectHistoryNames(entries, known), [entries, known]);
  const rows = entries
    .map((entry) => ({ entry, lines: historyChangeLines({ entry, t, language: i18n.language, names }) }))
    .filter(({ entry, lines }) => !isNoOpEntry(entry, lines));

  let body: ReactNode;
  if (history.isPending) {
    body = (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={48} />
        <Skeleton height={48} />
      </Stack>
    );
  } else if (!history.data) {
    body = (
      <ErrorState
        error={history.error}
        onRetry={() => void history.refetch()}
        retrying={history.isRefetching}
      />
    );
  } else if (rows.length === 0 && !history.hasNextPage) {
    body = (
      <EmptyPanel
        icon={<IconHistory size={28} />}
        title={t('customer.history.emptyTitle')}
        description={t('customer.history.emptyBody')}
        bare
      />
    );
  } else {
    body = (
      <Stack gap="md">
        <Timeline bulletSize={22} lineWidth={2}>
          {rows.map(({ entry, lines }) => (
            <Timeline.Item
              key={entry.seq}
              bullet={ACTION_ICONS[entry.action] ?? <IconPencil size={12} />}
              color={ACTION_COLORS[entry.action] ?? 'gray'}
            >
              <HistoryItem entry={entry} lines={lines} names={names} />
            </Timeline.Item>
          ))}
        </Timeline>
        {/* A failed older page keeps the entries already shown. */}
        {history.isFetchNextPageError && <ErrorState error={history.error} />}
        {history.hasNextPage && (
          <Button
            variant="light"
            color="gray"
            leftSection={<IconChevronDown size={16} />}
            onClick={() => void history.fetchNextPage()}
            loading={history.isFetchingNextPage}
            style={{ alignSelf: 'center' }}
          >
            {t('customer.history.loadOlder')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="md" mb="sm" id={titleId}>
        {t('customer.history.title')}
      </Title>
      {maxHeight ? (
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars data-testid="customer-history">
          {body}
        </ScrollArea.Autosize>
      ) : (
        <div data-testid="customer-history">{body}</div>
      )}
    </Paper>
  );
}

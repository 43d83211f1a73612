import { Anchor, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import type { CustomerSort, CustomerSummary } from '../api/customer-types.ts';
import { ArchivedBadge, NoPositionBadge, RankBadge, StatusBadge } from './CustomerBadges.tsx';
import { CustomerName } from './CustomerName.tsx';
import classes from './CustomerTable.module.css';
import { VisitDueBadge } from './VisitDueBadge.tsx';

/**
 * The sortable columns and the orders the API offers for them: the first is chosen on the first
 * click, a second click takes the other one where there is one.
 */
const COLUMN_SORTS = {
  name: ['name', '-name'],
  rank: ['rank'],
  lastVisit: ['nextVisitDue'],
  lastOrder: ['-lastOrderAt', 'lastOrderAt'],
} as const satisfies Record<string, readonly CustomerSort[]>;
type SortableColumn = keyof typeof COLUMN_SORTS;

interface CustomerTableProps {
  customers: CustomerSummary[];
  sort?: CustomerSort;
  onSortChange?: (sort: CustomerSort) => void;
}

/** A column header that sorts the list; aria-sort tells which way. */
function SortHeader({
  column,
  sort,
  onSortChange,
  children,
}: {
  column: SortableColumn;
  sort: CustomerSort | undefined;
  onSortChange: ((sort: CustomerSort) => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const orders: readonly CustomerSort[] = COLUMN_SORTS[column];
  const active = sort !== undefined && orders.includes(sort);
  if (!onSortChange) return <>{children}</>;
  const next = active ? (orders[(orders.indexOf(sort) + 1) % orders.length] as CustomerSort) : orders[0]!;
  const descending = active && sort.startsWith('-');
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton
      onClick={() => onSortChange(next)}
      className={classes.sortButton}
      data-active={active || undefined}
      title={t(`customers.sortOptions.${next}`)}
    >
      {children}
      <Icon size={14} aria-hidden />
    </UnstyledButton>
  );
}

/** Desk view of the customer list: one row per customer, the whole row opens the customer. */
export function CustomerTable({ customers, sort, onSortChange }: CustomerTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ariaSort = (column: SortableColumn) =>
    sort !== undefined && (COLUMN_SORTS[column] as readonly CustomerSort[]).includes(sort)
      ? sort.startsWith('-')
        ? ('descending' as const)
        : ('ascending' as const)
      : undefined;
  const header = (column: SortableColumn, label: string) => (
    <SortHeader column={column} sort={sort} onSortChange={onSortChange}>
      {label}
    </SortHeader>
  );
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm" className={classes.table} data-testid="customer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('customers.columns.code')}</Table.Th>
            <Table.Th aria-sort={ariaSort('name')}>{header('name', t('customers.columns.name'))}</Table.Th>
            <Table.Th w={90} aria-sort={ariaSort('rank')}>
              {header('rank', t('customers.columns.rank'))}
            </Table.Th>
            <Table.Th w={100}>{t('customers.columns.status')}</Table.Th>
            <Table.Th>{t('customers.columns.rep')}</Table.Th>
            <Table.Th>{t('customers.columns.area')}</Table.Th>
            <Table.Th aria-sort={ariaSort('lastVisit')}>
              {header('lastVisit', t('customers.columns.lastVisit'))}
            </Table.Th>
            <Table.Th aria-sort={ariaSort('lastOrder')}>
              {header('lastOrder', t('customers.columns.lastOrder'))}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr
              key={customer.id}
              className={classes.row}
              data-archived={customer.archivedAt ? true : undefined}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/customers/$customerId', params: { customerId: customer.id } });
              }}
            >
              <Table.Td>
                <Text size="xs" c="dimmed" ff="monospace">
                  {customer.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor
                    renderRoot={(props) => (
                      <Link to="/customers/$customerId" params={{ customerId: customer.id }} {...props} />
                    )}
                    fw={600}
                    c="var(--mantine-color-text)"
                    size="sm"
                  >
                    <CustomerName name={customer.name} honorific={customer.honorific} />
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {customer.nameKana}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <RankBadge rank={customer.rank} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={customer.status} />
                  {customer.archivedAt && <ArchivedBadge />}
                  {!customer.hasPosition && <NoPositionBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                {/* A person's name never breaks between family and given name. */}
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {customer.repName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{customer.areaName}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <RelativeDate value={customer.lastVisitAt} size="sm" />
                  <VisitDueBadge lastVisitAt={customer.lastVisitAt} cadenceDays={customer.cadenceDays} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <RelativeDate value={customer.lastOrderAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

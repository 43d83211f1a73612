import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import type { CustomerSummary } from '../api/customer-types.ts';
import { ArchivedBadge, RankBadge, StatusBadge } from './CustomerBadges.tsx';
import { CustomerName } from './CustomerName.tsx';
import classes from './CustomerTable.module.css';
import { VisitDueBadge } from './VisitDueBadge.tsx';

/** Desk view of the customer list: one row per customer, the whole row opens the customer. */
export function CustomerTable({ customers }: { customers: CustomerSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm" className={classes.table} data-testid="customer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('customers.columns.code')}</Table.Th>
            <Table.Th>{t('customers.columns.name')}</Table.Th>
            <Table.Th w={70}>{t('customers.columns.rank')}</Table.Th>
            <Table.Th w={100}>{t('customers.columns.status')}</Table.Th>
            <Table.Th>{t('customers.columns.rep')}</Table.Th>
            <Table.Th>{t('customers.columns.area')}</Table.Th>
            <Table.Th>{t('customers.columns.lastVisit')}</Table.Th>
            <Table.Th>{t('customers.columns.lastOrder')}</Table.Th>
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
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{customer.repName}</Text>
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

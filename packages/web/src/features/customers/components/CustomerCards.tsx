import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconPhone } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import type { CustomerSummary } from '../api/customer-types.ts';
import { ArchivedBadge, NoPositionBadge, RankBadge, StatusBadge } from './CustomerBadges.tsx';
import classes from './CustomerCards.module.css';
import { CustomerName } from './CustomerName.tsx';
import { VisitDueBadge } from './VisitDueBadge.tsx';

/** Phone view of the customer list: tappable cards with a direct call button. */
export function CustomerCards({ customers }: { customers: CustomerSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" className={classes.list} data-testid="customer-cards">
      {customers.map((customer) => (
        <Paper
          key={customer.id}
          component="li"
          withBorder
          p="sm"
          className={classes.card}
          data-archived={customer.archivedAt ? true : undefined}
        >
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <RankBadge rank={customer.rank} mt={2} />
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Link to="/customers/$customerId" params={{ customerId: customer.id }} className={classes.link}>
                <Text fw={700} size="md" lh={1.35} className={classes.name}>
                  <CustomerName name={customer.name} honorific={customer.honorific} />
                </Text>
              </Link>
              <Text size="xs" c="dimmed" truncate>
                {/* The rep first: a long area name is what gets cut off. */}
                {[customer.repName, customer.areaName].filter(Boolean).join(' ・ ')}
              </Text>
              <Group gap={6}>
                <StatusBadge status={customer.status} size="sm" />
                {customer.archivedAt && <ArchivedBadge size="sm" />}
                {!customer.hasPosition && <NoPositionBadge size="sm" />}
                <VisitDueBadge lastVisitAt={customer.lastVisitAt} cadenceDays={customer.cadenceDays} />
              </Group>
              <Group gap="md">
                <Text size="xs" c="dimmed">
                  {t('customers.lastVisitShort')}{' '}
                  <RelativeDate value={customer.lastVisitAt} size="xs" c="var(--mantine-color-text)" />
                </Text>
                <Text size="xs" c="dimmed">
                  {t('customers.lastOrderShort')}{' '}
                  <RelativeDate value={customer.lastOrderAt} size="xs" c="var(--mantine-color-text)" />
                </Text>
              </Group>
            </Stack>
            <Stack gap={4} align="center" className={classes.actions}>
              {customer.phone && (
                <ActionIcon
                  component="a"
                  href={`tel:${customer.phone}`}
                  variant="light"
                  // 44 px: the usual minimum for a touch target.
                  size={44}
                  radius="xl"
                  aria-label={`${t('customer.call')}: ${customer.name}`}
                >
                  <IconPhone size={18} />
                </ActionIcon>
              )}
              <IconChevronRight size={18} color="var(--mantine-color-dimmed)" aria-hidden />
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

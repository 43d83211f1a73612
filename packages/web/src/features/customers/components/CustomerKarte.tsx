import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconArchive, IconArrowLeft, IconUserQuestion } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { canRestoreCustomers } from '../../auth/api/auth-api.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { CustomerTimelineCard } from '../../briefing/components/CustomerTimelineCard.tsx';
import { CustomerFormsCard } from '../../forms/components/CustomerFormsCard.tsx';
import { CustomerHealthCard } from '../../health/components/CustomerHealthCard.tsx';
import { CustomerSignalsCards } from '../../signals/components/CustomerSignalsCards.tsx';
import { useCustomer } from '../hooks/useCustomer.ts';
import { CustomerCautions } from './CustomerCautions.tsx';
import { CustomerContactsCard } from './CustomerContactsCard.tsx';
import { CustomerHistoryCard } from './CustomerHistoryCard.tsx';
import { CustomerKarteHeader } from './CustomerKarteHeader.tsx';
import { CustomerKarteSkeleton } from './CustomerKarteSkeleton.tsx';
import { CustomerLocationCard } from './CustomerLocationCard.tsx';
import { CustomerNotesCard } from './CustomerNotesCard.tsx';
import { CustomerOrders } from './CustomerOrders.tsx';
import { CustomerStats } from './CustomerStats.tsx';
import { CustomerVisitCard } from './CustomerVisitCard.tsx';
import { RestoreCustomerButton } from './RestoreCustomerButton.tsx';

/** About the side column's height (contacts, visit conditions, map): longer history scrolls. */
const HISTORY_MAX_HEIGHT_DESK = 560;

export function BackToCustomers() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/customers" size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('customer.backToList')}
      </Group>
    </Anchor>
  );
}

/** The customer page (カルテ): everything a rep needs before and during a visit. */
export function CustomerKarte({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const query = useCustomer(customerId);
  const me = useMe();
  const canRestore = canRestoreCustomers(me.user.role);
  // Two columns from Mantine `md`: the history fills the space beside the side cards.
  const twoColumns = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  useDocumentTitle(query.data ? `${query.data.name} | ${t('app.name')}` : t('app.name'));

  if (query.isPending) return <CustomerKarteSkeleton />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.isNotFound) {
      return (
        <EmptyPanel
          icon={<IconUserQuestion size={28} />}
          title={t('customer.notFoundTitle')}
          description={t('customer.notFoundBody')}
          actions={
            <Button component={Link} to="/customers" variant="light">
              {t('customer.backToList')}
            </Button>
          }
        />
      );
    }
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />
    );
  }

  const customer = query.data;
  return (
    <Stack gap="md">
      {customer.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} data-testid="archived-banner">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2} style={{ flex: '1 1 16rem' }}>
              <Text size="sm" fw={600}>
                {t('customer.archive.archivedBanner', {
                  date: formatDate(customer.archivedAt, i18n.language),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {canRestore ? t('customer.archive.restoreHint') : t('customer.archive.askToRestore')}
              </Text>
            </Stack>
            {canRestore && <RestoreCustomerButton customer={customer} />}
          </Group>
        </Alert>
      )}
      <CustomerKarteHeader customer={customer} />
      <CustomerCautions cautions={customer.cautions} />
      <CustomerStats customer={customer} />
      {!customer.archivedAt && <CustomerHealthCard customerId={customer.id} />}
      {!customer.archivedAt && <CustomerSignalsCards customerId={customer.id} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <CustomerContactsCard contacts={customer.contacts} />
            <CustomerVisitCard customer={customer} />
            <CustomerLocationCard customer={customer} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <CustomerNotesCard customer={customer} />
            {twoColumns && <CustomerHistoryCard customer={customer} maxHeight={HISTORY_MAX_HEIGHT_DESK} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <CustomerOrders customerId={customer.id} />
      <CustomerFormsCard customerId={customer.id} archived={customer.archivedAt !== null} />
      <CustomerTimelineCard customerId={customer.id} />
      {/* On one column the change log comes last: what a rep needs on a visit comes first. */}
      {!twoColumns && <CustomerHistoryCard customer={customer} />}
    </Stack>
  );
}

import { Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileImport, IconSearchOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import type { CustomerSort } from '../api/customer-types.ts';
import { useCustomers } from '../hooks/useCustomers.ts';
import { type CustomerFilters, DEFAULT_SORT, hasActiveFilters } from '../utils/customer-filters.ts';
import { CustomerCards } from './CustomerCards.tsx';
import { CustomerTable } from './CustomerTable.tsx';

interface CustomerListViewProps {
  filters: CustomerFilters;
  onClearFilters: () => void;
  canImport: boolean;
  /** Sorting from the desk table's column headers. */
  onSortChange?: (sort: CustomerSort) => void;
}

/** The customer list with its loading, error, empty and no-match states; cards on phones, a table on desks. */
export function CustomerListView({
  filters,
  onClearFilters,
  canImport,
  onSortChange,
}: CustomerListViewProps) {
  const { t, i18n } = useTranslation();
  const isDesktop = useIsDesktop();
  const query = useCustomers(filters);

  if (query.isPending) return <ListSkeleton />;
  if (query.isError && !query.data) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />
    );
  }

  const customers = query.data.pages.flatMap((page) => page.items);
  const total = query.data.pages[0]?.total ?? customers.length;

  if (customers.length === 0) {
    if (hasActiveFilters(filters)) {
      return (
        <EmptyPanel
          icon={<IconSearchOff size={28} />}
          title={t('customers.noMatchTitle')}
          description={t('customers.noMatchBody')}
          actions={
            <Button variant="light" onClick={onClearFilters}>
              {t('customers.clearFilters')}
            </Button>
          }
        />
      );
    }
    return (
      <EmptyPanel
        icon={<IconUsers size={28} />}
        title={t('customers.emptyTitle')}
        description={t('customers.emptyBody')}
        actions={
          <>
            <Button component={Link} to="/customers/new" leftSection={<IconUserPlus size={16} />}>
              {t('customers.new')}
            </Button>
            {canImport && (
              <Button
                component={Link}
                to="/customers/import"
                variant="default"
                leftSection={<IconFileImport size={16} />}
              >
                {t('customers.import')}
              </Button>
            )}
          </>
        }
      />
    );
  }

  const refreshing = query.isFetching && !query.isFetchingNextPage;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="customer-count">
          {t('customers.showing', {
            shown: formatNumber(customers.length, i18n.language),
            total: formatNumber(total, i18n.language),
          })}
        </Text>
        {refreshing && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      <Box style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
        {isDesktop ? (
          <CustomerTable
            customers={customers}
            sort={filters.sort ?? DEFAULT_SORT}
            onSortChange={onSortChange}
          />
        ) : (
          <CustomerCards customers={customers} />
        )}
      </Box>
      {query.isFetchNextPageError && (
        <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
      {query.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            fullWidth={!isDesktop}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

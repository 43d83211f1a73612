import { ActionIcon, Button, Stack } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { canImportCustomers } from '../features/auth/api/auth-api.ts';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { CustomerFiltersBar } from '../features/customers/components/CustomerFiltersBar.tsx';
import { CustomerListView } from '../features/customers/components/CustomerListView.tsx';
import { ExportMenu } from '../features/customers/components/ExportMenu.tsx';
import { PositionIssuesNotice } from '../features/customers/components/PositionIssuesNotice.tsx';
import type { CustomerFilters } from '../features/customers/utils/customer-filters.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useIsDesktop } from '../ui/useIsDesktop.ts';

export function CustomersPage({ filters }: { filters: CustomerFilters }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const canImport = canImportCustomers(me.user.role);
  // Phones get icon buttons for the secondary actions so the list starts higher on the screen.
  const compact = !useIsDesktop();
  const setFilters = (next: CustomerFilters) =>
    void navigate({ to: '/customers', search: next, replace: true });

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t(`customers.subtitle.${me.user.role}`)}
        actions={
          <>
            <ExportMenu filters={filters} compact={compact} />
            {canImport &&
              (compact ? (
                <ActionIcon
                  component={Link}
                  to="/customers/import"
                  variant="default"
                  size={36}
                  aria-label={t('customers.import')}
                >
                  <IconFileImport size={18} />
                </ActionIcon>
              ) : (
                <Button
                  component={Link}
                  to="/customers/import"
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                >
                  {t('customers.import')}
                </Button>
              ))}
            <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
              {t('customers.new')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <CustomerFiltersBar filters={filters} onChange={setFilters} showRepFilter={me.user.role !== 'rep'} />
        <PositionIssuesNotice filters={filters} onShow={(position) => setFilters({ ...filters, position })} />
        <CustomerListView
          filters={filters}
          onClearFilters={() => setFilters({ sort: filters.sort })}
          canImport={canImport}
          onSortChange={(sort) => setFilters({ ...filters, sort })}
        />
      </Stack>
    </>
  );
}

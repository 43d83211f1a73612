import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canImportCustomers } from '../features/auth/api/auth-api.ts';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { CustomerImport } from '../features/customer-import/components/CustomerImport.tsx';
import { BackToCustomers } from '../features/customers/components/CustomerKarte.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function CustomerImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader above={<BackToCustomers />} title={t('import.title')} subtitle={t('import.subtitle')} />
      {canImportCustomers(me.user.role) ? (
        <CustomerImport />
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          {t('import.forbidden')}
        </Alert>
      )}
    </>
  );
}

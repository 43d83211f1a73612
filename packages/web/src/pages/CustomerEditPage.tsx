import { useTranslation } from 'react-i18next';
import { BackToCustomers } from '../features/customers/components/CustomerKarte.tsx';
import { EditCustomer } from '../features/customers/components/EditCustomer.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function CustomerEditPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader above={<BackToCustomers />} title={t('customerForm.editTitle')} />
      <EditCustomer customerId={customerId} />
    </>
  );
}

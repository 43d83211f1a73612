import { useTranslation } from 'react-i18next';
import { CreateCustomer } from '../features/customers/components/CreateCustomer.tsx';
import { BackToCustomers } from '../features/customers/components/CustomerKarte.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function CustomerNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader above={<BackToCustomers />} title={t('customerForm.createTitle')} />
      <CreateCustomer />
    </>
  );
}

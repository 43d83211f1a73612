import { useTranslation } from 'react-i18next';
import { ComplaintsList } from '../features/complaints/components/ComplaintsList.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function ComplaintsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('complaints.title')} />
      <ComplaintsList />
    </>
  );
}

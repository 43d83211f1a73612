import { useTranslation } from 'react-i18next';
import { TodayView } from '../features/today/components/TodayView.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function TodayPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('today.title')} />
      <TodayView />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { SetupChecklistCard } from '../features/people/components/SetupChecklistCard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('people.setup.title')} subtitle={t('people.setup.subtitle')} />
      <SetupChecklistCard />
    </>
  );
}

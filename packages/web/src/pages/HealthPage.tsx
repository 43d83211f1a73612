import { useTranslation } from 'react-i18next';
import { AtRiskList } from '../features/health/components/AtRiskList.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HealthPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('health.title')} subtitle={t('health.subtitle')} />
      <AtRiskList />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { type ReassignDefaults, ReassignView } from '../features/handover/components/ReassignView.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HandoverNewPage({ defaults }: { defaults: ReassignDefaults }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('handover.reassign.title')} subtitle={t('handover.reassign.subtitle')} />
      <ReassignView defaults={defaults} />
    </>
  );
}

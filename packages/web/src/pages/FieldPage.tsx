import { useTranslation } from 'react-i18next';
import { FieldView } from '../features/field/components/FieldView.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function FieldPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('field.title')} />
      <FieldView />
    </>
  );
}

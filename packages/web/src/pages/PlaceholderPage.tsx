import { Badge } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../ui/EmptyPanel.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

interface PlaceholderPageProps {
  section: 'today' | 'plan' | 'deals' | 'dashboard';
  icon: Icon;
  actions?: ReactNode;
}

/** A destination whose features arrive later: says plainly what will appear here, shows no fake data. */
export function PlaceholderPage({ section, icon: SectionIcon, actions }: PlaceholderPageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`placeholder.${section}.title`)} />
      <EmptyPanel
        icon={<SectionIcon size={28} />}
        title={t(`placeholder.${section}.emptyTitle`)}
        description={t(`placeholder.${section}.emptyBody`)}
        badge={
          <Badge variant="light" color="gray" mt="xs">
            {t('placeholder.comingSoon')}
          </Badge>
        }
        actions={actions}
      />
    </>
  );
}

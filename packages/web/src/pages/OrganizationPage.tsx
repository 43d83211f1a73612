import { Tabs } from '@mantine/core';
import { IconMap2, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { AreasPanel } from '../features/organization/components/AreasPanel.tsx';
import { TeamsPanel } from '../features/organization/components/TeamsPanel.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export type OrganizationTab = 'teams' | 'areas';

/** チーム・エリア: the company's teams and sales areas (admins edit; managers read). */
export function OrganizationPage({ tab }: { tab: OrganizationTab }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const canEdit = me.user.role === 'admin';
  return (
    <>
      <PageHeader title={t('organization.title')} subtitle={t('organization.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({
            to: '/organization',
            search: { tab: (value as OrganizationTab) ?? 'teams' },
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="teams" leftSection={<IconUsersGroup size={16} />}>
            {t('organization.teams.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="areas" leftSection={<IconMap2 size={16} />}>
            {t('organization.areas.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="teams">
          <TeamsPanel canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="areas">
          <AreasPanel canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

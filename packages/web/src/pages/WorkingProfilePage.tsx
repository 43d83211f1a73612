import { Anchor, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { AbsenceList } from '../features/organization/components/AbsenceList.tsx';
import { WorkingProfileEditor } from '../features/organization/components/WorkingProfileEditor.tsx';
import { workingProfileQueryOptions } from '../features/organization/hooks/useOrganization.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 勤務設定: a person's working profile and absences (admins and their team's manager edit). */
export function WorkingProfilePage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useQuery(workingProfileQueryOptions(userId));
  const canEdit =
    me.user.role === 'admin' ||
    (me.user.role === 'manager' &&
      profile.data !== undefined &&
      profile.data.teamId === (me.team?.id ?? null));
  return (
    <>
      <PageHeader
        above={
          me.user.role !== 'rep' && (
            <Anchor component={Link} to="/people" size="sm">
              <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {t('people.title')}
            </Anchor>
          )
        }
        title={
          profile.data
            ? t('organization.profile.titleNamed', { name: profile.data.name })
            : t('organization.profile.title')
        }
        subtitle={t('organization.profile.subtitle')}
      />
      {profile.isPending ? (
        <Skeleton height={420} />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
      ) : (
        <Stack gap="md" maw={960}>
          <WorkingProfileEditor key={profile.data.version} profile={profile.data} canEdit={canEdit} />
          <AbsenceList profile={profile.data} canEdit={canEdit} />
        </Stack>
      )}
    </>
  );
}

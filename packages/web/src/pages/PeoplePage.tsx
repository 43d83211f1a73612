import { Button, Skeleton, Stack } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { teamsQueryOptions } from '../features/organization/hooks/useOrganization.ts';
import { InvitationList } from '../features/people/components/InvitationList.tsx';
import { InviteDialog, type TeamOption } from '../features/people/components/InviteDialog.tsx';
import { PersonRow } from '../features/people/components/PersonRow.tsx';
import { peopleQueryOptions } from '../features/people/hooks/usePeople.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  const people = useQuery(peopleQueryOptions);
  const [inviting, setInviting] = useState(false);
  const isAdmin = me.user.role === 'admin';
  const teamList = useQuery(teamsQueryOptions);
  // The company's teams (a new, still empty team too); retired ones only while someone is on them.
  const teams = useMemo<TeamOption[]>(() => {
    const byId = new Map<string, string>();
    const staffed = new Set((people.data?.items ?? []).flatMap((p) => (p.teamId ? [p.teamId] : [])));
    for (const team of teamList.data?.items ?? [])
      if (team.retiredAt === null || staffed.has(team.id)) byId.set(team.id, team.name);
    for (const p of people.data?.items ?? [])
      if (p.teamId && !byId.has(p.teamId)) byId.set(p.teamId, p.teamName ?? p.teamId);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [people.data, teamList.data]);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
              {t('people.invite')}
            </Button>
          )
        }
      />
      {people.isPending ? (
        <Stack gap="sm">
          <Skeleton height={72} />
          <Skeleton height={72} />
        </Stack>
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : (
        <Stack gap="sm" maw={960}>
          {people.data.items.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              teams={teams}
              canEdit={isAdmin}
              isSelf={person.id === me.user.id}
            />
          ))}
          {people.data.invitations.length > 0 && (
            <InvitationList invitations={people.data.invitations} canEdit={isAdmin} />
          )}
        </Stack>
      )}
      <InviteDialog opened={inviting} onClose={() => setInviting(false)} teams={teams} />
    </>
  );
}

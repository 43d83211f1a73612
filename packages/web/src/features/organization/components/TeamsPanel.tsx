import type { Team } from '@kayoi/server/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { peopleQueryOptions } from '../../people/hooks/usePeople.ts';
import { teamsQueryOptions, useOrganizationActions } from '../hooks/useOrganization.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; team: Team } | null;

/** The teams: name, manager, members, retired or not; an admin creates, renames, changes the manager, retires. */
export function TeamsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQueryOptions);
  const actions = useOrganizationActions();
  const [editing, setEditing] = useState<Editing>(null);
  const isDesktop = useIsDesktop();

  if (teams.isPending) return <Skeleton height={200} />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;

  const toggleRetired = (team: Team) =>
    actions.updateTeam.mutate(
      { id: team.id, input: { version: team.version, retired: team.retiredAt === null } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t(saved.retiredAt ? 'organization.teams.retired' : 'organization.teams.reinstated', {
              name: saved.name,
            }),
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
      },
    );

  const rows = teams.data.items.map((team) => {
    const retired = team.retiredAt !== null;
    const buttons = canEdit && (
      <Group gap={6} wrap="nowrap" justify="flex-end">
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          onClick={() => setEditing({ mode: 'edit', team })}
          aria-label={t('organization.teams.editNamed', { name: team.name })}
        >
          {t('organization.edit')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color={retired ? 'teal' : 'gray'}
          leftSection={retired ? <IconArrowBackUp size={14} /> : <IconArchive size={14} />}
          onClick={() => toggleRetired(team)}
          aria-label={t(retired ? 'organization.teams.reinstateNamed' : 'organization.teams.retireNamed', {
            name: team.name,
          })}
        >
          {t(retired ? 'organization.reinstate' : 'organization.retire')}
        </Button>
      </Group>
    );
    const status = retired ? (
      <Badge color="gray" variant="light">
        {t('organization.retiredBadge')}
      </Badge>
    ) : null;
    if (!isDesktop)
      return (
        <Paper key={team.id} withBorder p="sm" data-testid={`team-${team.name}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text fw={600}>{team.name}</Text>
                {status}
              </Group>
              <Text size="sm" c="dimmed">
                {t('organization.teams.managerLine', {
                  name: team.managerName ?? t('organization.teams.noManager'),
                })}
                {' · '}
                {t('organization.teams.members', { count: team.memberCount })}
              </Text>
            </Stack>
          </Group>
          {buttons && <Group mt="xs">{buttons}</Group>}
        </Paper>
      );
    return (
      <Table.Tr key={team.id} data-testid={`team-${team.name}`} c={retired ? 'dimmed' : undefined}>
        <Table.Td fw={600}>
          <Group gap={6}>
            {team.name}
            {status}
          </Group>
        </Table.Td>
        <Table.Td>{team.managerName ?? t('organization.teams.noManager')}</Table.Td>
        <Table.Td ta="right">{t('organization.teams.members', { count: team.memberCount })}</Table.Td>
        <Table.Td>{buttons}</Table.Td>
      </Table.Tr>
    );
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('organization.teams.help')}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>
            {t('organization.teams.create')}
          </Button>
        )}
      </Group>
      {teams.data.items.length === 0 ? (
        <Alert variant="light">{t('organization.teams.empty')}</Alert>
      ) : isDesktop ? (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organization.teams.name')}</Table.Th>
                <Table.Th>{t('organization.teams.manager')}</Table.Th>
                <Table.Th ta="right">{t('organization.teams.memberCount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows}</Table.Tbody>
          </Table>
        </Paper>
      ) : (
        <Stack gap="sm">{rows}</Stack>
      )}
      {editing && <TeamDialog editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function TeamDialog({ editing, onClose }: { editing: NonNullable<Editing>; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useOrganizationActions();
  const people = useQuery(peopleQueryOptions);
  const team = editing.mode === 'edit' ? editing.team : null;
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState<string | null>(team?.managerUserId ?? null);
  const managers = useMemo(
    () =>
      (people.data?.items ?? [])
        .filter((p) => p.role === 'manager' && p.status === 'active')
        .map((p) => ({ value: p.id, label: p.name })),
    [people.data],
  );
  const mutation = team ? actions.updateTeam : actions.createTeam;
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : {};
  const submit = () => {
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('organization.saved') });
        onClose();
      },
    };
    if (team)
      actions.updateTeam.mutate(
        { id: team.id, input: { version: team.version, name: name.trim(), managerUserId: managerId } },
        done,
      );
    else actions.createTeam.mutate({ name: name.trim(), managerUserId: managerId }, done);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={team ? t('organization.teams.editTitle') : t('organization.teams.createTitle')}
    >
      <Stack gap="md">
        <TextInput
          label={t('organization.teams.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          maxLength={100}
          required
          data-autofocus
        />
        <Select
          label={t('organization.teams.manager')}
          placeholder={t('organization.teams.noManager')}
          data={managers}
          value={managerId}
          onChange={setManagerId}
          clearable
          error={fields.managerUserId}
          description={t('organization.teams.managerHelp')}
        />
        {mutation.error && !Object.keys(fields).length && (
          <Alert color="red" variant="light">
            {errorMessage(mutation.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('organization.cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} disabled={!name.trim()}>
            {t('organization.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

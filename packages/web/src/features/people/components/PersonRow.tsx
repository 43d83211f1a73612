import type { Person } from '@kayoi/server/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDots, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import { usePeopleActions } from '../hooks/usePeople.ts';
import type { TeamOption } from './InviteDialog.tsx';

/** One person: name, e-mail, role and team (editable by an admin), status and the admin's actions. */
export function PersonRow({
  person,
  teams,
  canEdit,
  isSelf,
}: {
  person: Person;
  teams: readonly TeamOption[];
  canEdit: boolean;
  isSelf: boolean;
}) {
  const { t } = useTranslation();
  const actions = usePeopleActions();
  const [confirming, setConfirming] = useState(false);
  const [resetLink, setResetLink] = useState<string | null>(null);
  const [resetMailed, setResetMailed] = useState(false);
  const active = person.status === 'active';
  const menu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          aria-label={t('people.more')}
          data-testid="person-menu"
        >
          <IconDots size={18} />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconKey size={16} />}
          disabled={!active}
          onClick={() =>
            actions.passwordReset.mutate(person.id, {
              onSuccess: (r) => {
                setResetMailed(r.mailed);
                setResetLink(r.link ?? '');
              },
            })
          }
        >
          {t('people.resetPassword')}
        </Menu.Item>
        {active ? (
          <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => setConfirming(true)}>
            {t('people.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconUserCheck size={16} />}
            onClick={() => actions.reactivate.mutate(person.id)}
          >
            {t('people.reactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
  const error =
    actions.update.error ??
    actions.deactivate.error ??
    actions.reactivate.error ??
    actions.passwordReset.error;

  return (
    <Paper withBorder p="md" radius="md" data-testid={`person-${person.email}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group
          justify="space-between"
          align="flex-start"
          wrap="nowrap"
          gap="xs"
          style={{ flex: '1 1 16rem', minWidth: 0 }}
        >
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} c={active ? undefined : 'dimmed'}>
                {person.name}
              </Text>
              {isSelf && (
                <Badge size="sm" variant="light" color="gray">
                  {t('people.you')}
                </Badge>
              )}
              <Badge size="sm" variant="light" color={active ? 'teal' : 'gray'} data-testid="person-status">
                {active ? t('people.active') : t('people.deactivated')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {person.email}
            </Text>
            <Anchor
              component={Link}
              to="/people/$userId/working-profile"
              params={{ userId: person.id } as never}
              size="sm"
              aria-label={`${t('organization.profile.link')}: ${person.name}`}
            >
              {t('organization.profile.link')}
            </Anchor>
          </Stack>
          {canEdit && menu}
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flex: '0 1 25rem' }}>
          <Select
            aria-label={t('people.role')}
            size="xs"
            style={{ flex: '1 1 8rem' }}
            disabled={!canEdit || !active}
            value={person.role}
            allowDeselect={false}
            data={(['rep', 'manager', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(role) =>
              role &&
              role !== person.role &&
              actions.update.mutate({
                id: person.id,
                input: { version: person.version, role: role as Person['role'] },
              })
            }
          />
          <Select
            aria-label={t('people.team')}
            size="xs"
            style={{ flex: '1 1 12rem' }}
            disabled={!canEdit || !active}
            value={person.teamId ?? ''}
            allowDeselect={false}
            data={[{ value: '', label: t('people.noTeam') }, ...teams]}
            onChange={(value) => {
              const teamId = value || null;
              if (teamId !== person.teamId)
                actions.update.mutate({ id: person.id, input: { version: person.version, teamId } });
            }}
          />
        </Group>
      </Group>
      {error && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('people.deactivateTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('people.deactivateConfirm', { name: person.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('people.cancel')}
            </Button>
            <Button
              color="red"
              loading={actions.deactivate.isPending}
              onClick={() => actions.deactivate.mutate(person.id, { onSettled: () => setConfirming(false) })}
            >
              {t('people.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={resetLink !== null} onClose={() => setResetLink(null)} title={t('people.resetPassword')}>
        <Stack gap="sm">
          <Text size="sm">
            {resetMailed ? t('people.resetMailed', { email: person.email }) : t('people.resetLinkHelp')}
          </Text>
          {resetLink && <TextInput readOnly value={resetLink} onFocus={(e) => e.currentTarget.select()} />}
          <Group justify="flex-end">
            <Button onClick={() => setResetLink(null)}>{t('people.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

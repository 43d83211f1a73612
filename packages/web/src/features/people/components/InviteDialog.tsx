import type { InviteResult } from '@kayoi/server/contracts';
import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { usePeopleActions } from '../hooks/usePeople.ts';

export interface TeamOption {
  value: string;
  label: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite someone by e-mail with a role and a team; shows the link when no mail was sent. */
export function InviteDialog({
  opened,
  onClose,
  teams,
}: {
  opened: boolean;
  onClose: () => void;
  teams: readonly TeamOption[];
}) {
  const { t } = useTranslation();
  const { invite } = usePeopleActions();
  const [result, setResult] = useState<InviteResult | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', name: '', role: 'rep', teamId: '' },
    validate: {
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : t('people.emailInvalid')),
      name: (v) => (v.trim() ? null : t('people.nameRequired')),
    },
  });
  const close = () => {
    setResult(null);
    invite.reset();
    form.reset();
    onClose();
  };
  const serverFields = invite.error instanceof ApiError ? invite.error.fields : {};

  return (
    <Modal opened={opened} onClose={close} title={t('people.inviteTitle')} size="md">
      {result ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCheck size={18} />}>
            {result.mailed
              ? t('people.invitationMailed', { email: result.invitation.email })
              : t('people.invitationLinkHelp', { email: result.invitation.email })}
          </Alert>
          {result.link && (
            <Stack gap={6}>
              <TextInput
                readOnly
                value={result.link}
                label={t('people.invitationLink')}
                data-testid="invitation-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={result.link}>
                {({ copied, copy }) => (
                  <Button
                    variant="light"
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    onClick={copy}
                  >
                    {copied ? t('people.copied') : t('people.copyLink')}
                  </Button>
                )}
              </CopyButton>
              <Text size="xs" c="dimmed">
                {t('people.invitationValidity')}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>{t('people.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            invite.mutate(
              {
                email: values.email.trim(),
                name: values.name.trim(),
                role: values.role as 'rep' | 'manager' | 'admin',
                teamId: values.teamId || null,
              },
              { onSuccess: setResult },
            ),
          )}
        >
          <Stack gap="sm">
            {invite.error && !Object.keys(serverFields).length && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(invite.error, t)}
              </Alert>
            )}
            <TextInput
              label={t('people.email')}
              type="email"
              required
              key={form.key('email')}
              {...form.getInputProps('email')}
              error={form.getInputProps('email').error ?? serverFields.email}
            />
            <TextInput
              label={t('people.name')}
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
              error={form.getInputProps('name').error ?? serverFields.name}
            />
            <Select
              label={t('people.role')}
              data={(['rep', 'manager', 'admin'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              key={form.key('role')}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('people.team')}
              placeholder={t('people.noTeam')}
              data={teams as TeamOption[]}
              clearable
              key={form.key('teamId')}
              {...form.getInputProps('teamId')}
              error={serverFields.teamId}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('people.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('people.sendInvitation')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

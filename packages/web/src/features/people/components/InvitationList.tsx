import type { InviteResult, PendingInvitation } from '@kayoi/server/contracts';
import { Badge, Button, CopyButton, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { usePeopleActions } from '../hooks/usePeople.ts';

/**
 * The invitations not accepted yet: each can be sent again (a new 7-day link; the old one stops
 * working) or withdrawn. An expired one says so. Without SMTP the new link is shown to copy.
 */
export function InvitationList({
  invitations,
  canEdit,
}: {
  invitations: readonly PendingInvitation[];
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const actions = usePeopleActions();
  const [resent, setResent] = useState<InviteResult | null>(null);
  const [withdrawing, setWithdrawing] = useState<PendingInvitation | null>(null);
  const failed = actions.resendInvitation.error ?? actions.cancelInvitation.error;

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="md" mb="xs">
        {t('people.pendingInvitations')}
      </Title>
      <Stack gap="xs">
        {invitations.map((inv) => (
          <Group key={inv.id} justify="space-between" wrap="wrap" gap="xs" data-testid="pending-invitation">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {inv.name}（{inv.email}）· {t(`roles.${inv.role}`)}
              </Text>
              {inv.expired ? (
                <Badge color="orange" variant="light" size="sm" w="fit-content">
                  {t('people.invitationExpired')}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('people.expires', {
                    date: new Date(inv.expiresAt).toLocaleDateString(i18n.language, {
                      timeZone: 'Asia/Tokyo',
                    }),
                  })}
                </Text>
              )}
            </Stack>
            {canEdit && (
              <Group gap={6}>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconSend size={14} />}
                  loading={
                    actions.resendInvitation.isPending && actions.resendInvitation.variables === inv.id
                  }
                  onClick={() => actions.resendInvitation.mutate(inv.id, { onSuccess: setResent })}
                >
                  {t('people.resendInvitation')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconX size={14} />}
                  onClick={() => setWithdrawing(inv)}
                >
                  {t('people.withdrawInvitation')}
                </Button>
              </Group>
            )}
          </Group>
        ))}
        {failed && <ErrorState error={failed} />}
      </Stack>

      <Modal opened={resent !== null} onClose={() => setResent(null)} title={t('people.resendTitle')}>
        {resent && (
          <Stack gap="sm">
            <Text size="sm">
              {resent.mailed
                ? t('people.invitationMailed', { email: resent.invitation.email })
                : t('people.invitationLinkHelp', { email: resent.invitation.email })}
            </Text>
            {resent.link && (
              <>
                <TextInput
                  readOnly
                  value={resent.link}
                  label={t('people.invitationLink')}
                  data-testid="resent-invitation-link"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={resent.link}>
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
                  {t('people.resendOldLinkDead')}
                </Text>
              </>
            )}
            <Group justify="flex-end">
              <Button onClick={() => setResent(null)}>{t('people.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('people.withdrawTitle')}
      >
        {withdrawing && (
          <Stack gap="sm">
            <Text size="sm">
              {t('people.withdrawConfirm', { name: withdrawing.name, email: withdrawing.email })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>
                {t('people.cancel')}
              </Button>
              <Button
                color="red"
                loading={actions.cancelInvitation.isPending}
                onClick={() =>
                  actions.cancelInvitation.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })
                }
              >
                {t('people.withdrawInvitation')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

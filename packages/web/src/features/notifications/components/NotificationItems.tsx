import type { Notification } from '@kayoi/server/contracts';
import { Box, Group, Indicator, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconAlarm,
  IconCalendarCheck,
  IconExchange,
  IconMessageExclamation,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { markNotificationRead, notificationKeys } from '../api/notifications-api.ts';
import { notificationText } from './notification-text.ts';

const icons = {
  handover_received: { icon: IconExchange, color: 'indigo' },
  promise_overdue: { icon: IconAlarm, color: 'orange' },
  complaint_escalated: { icon: IconMessageExclamation, color: 'red' },
  plan_ready: { icon: IconCalendarCheck, color: 'teal' },
  companion_visit: { icon: IconUsers, color: 'grape' },
} as const;

/** Notifications as rows: tapping one marks it read and opens where it leads. */
export function NotificationItems({ items, onOpen }: { items: Notification[]; onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm" p="sm" data-testid="notifications-empty">
        {t('handover.notifications.empty')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {items.map((n) => {
        const { icon: Icon, color } = icons[n.kind];
        const unread = n.readAt === null;
        return (
          <UnstyledButton
            key={n.id}
            data-testid="notification"
            data-kind={n.kind}
            data-unread={unread || undefined}
            onClick={() => {
              if (unread) read.mutate(n.id);
              onOpen?.();
              if (n.link) void navigate({ to: n.link });
            }}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            px="sm"
            py={10}
            bg={unread ? 'var(--mantine-color-indigo-0)' : undefined}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Indicator disabled={!unread} color="red" size={8} offset={2}>
                <ThemeIcon variant="light" color={color} radius="xl" size={32}>
                  <Icon size={18} />
                </ThemeIcon>
              </Indicator>
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={unread ? 600 : 400} lh={1.4}>
                  {notificationText(n, t)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt, i18n.language)}
                </Text>
              </Box>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

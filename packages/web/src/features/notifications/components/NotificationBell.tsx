import { ActionIcon, Anchor, Group, Indicator, Popover, ScrollArea, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  notificationKeys,
} from '../api/notifications-api.ts';
import { NotificationItems } from './NotificationItems.tsx';

const PREVIEW = 8;

/** The shell's bell: the unread count as a badge, the latest notifications in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: notificationKeys.list(PREVIEW),
    queryFn: ({ signal }) => listNotifications(PREVIEW, signal),
    enabled: opened,
  });
  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  const count = unread.data?.unreadCount ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : count}
          disabled={count === 0}
          size={18}
          color="red"
          offset={4}
          data-testid="notification-badge"
          data-count={count}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('handover.notifications.open', { count })}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={22} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py={8}>
          <Text fw={700} size="sm">
            {t('handover.notifications.title')}
          </Text>
          {count > 0 && (
            <Anchor component="button" size="xs" onClick={() => readAll.mutate()}>
              {t('handover.notifications.readAll')}
            </Anchor>
          )}
        </Group>
        <ScrollArea.Autosize mah={420}>
          <NotificationItems items={list.data?.items ?? []} onOpen={() => setOpened(false)} />
        </ScrollArea.Autosize>
        <Anchor
          component={Link}
          to="/notifications"
          size="sm"
          display="block"
          ta="center"
          py={8}
          onClick={() => setOpened(false)}
        >
          {t('handover.notifications.seeAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}

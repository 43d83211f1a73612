import { Button, Card } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  listNotifications,
  markAllNotificationsRead,
  notificationKeys,
} from '../features/notifications/api/notifications-api.ts';
import { NotificationItems } from '../features/notifications/components/NotificationItems.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const LIMIT = 100;

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: notificationKeys.list(LIMIT),
    queryFn: ({ signal }) => listNotifications(LIMIT, signal),
  });
  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  return (
    <>
      <PageHeader
        title={t('handover.notifications.title')}
        subtitle={
          query.data ? t('handover.notifications.unread', { count: query.data.unreadCount }) : undefined
        }
        actions={
          (query.data?.unreadCount ?? 0) > 0 && (
            <Button variant="light" onClick={() => readAll.mutate()} loading={readAll.isPending}>
              {t('handover.notifications.readAll')}
            </Button>
          )
        }
      />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card withBorder p={0} radius="md">
          <NotificationItems items={query.data.items} />
        </Card>
      )}
    </>
  );
}

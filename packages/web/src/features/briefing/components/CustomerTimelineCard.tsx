import type { TimelineKind } from '@kayoi/server/contracts';
import { timelineKinds } from '@kayoi/server/contracts';
import { Anchor, Badge, Button, Card, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { briefingKeys, getTimeline, sourceHref } from '../api/briefing-api.ts';

/** The カルテ's timeline: visits, orders, quotes, complaints, promises and forms, newest first, by kind. */
export function CustomerTimelineCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const query = useInfiniteQuery({
    queryKey: briefingKeys.timeline(customerId, kinds),
    queryFn: ({ pageParam, signal }) => getTimeline(customerId, kinds, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder radius="md" p="md" data-testid="customer-timeline">
      <Title order={2} fz={16} mb="xs">
        {t('briefing.timeline.title')}
      </Title>
      <Chip.Group multiple value={kinds} onChange={(v) => setKinds(v as TimelineKind[])}>
        <Group gap={6} mb="sm">
          {timelineKinds.map((k) => (
            <Chip key={k} value={k} size="xs">
              {t(`briefing.timeline.kind.${k}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      <Stack gap={6}>
        {items.map((item) => (
          <Group
            key={`${item.kind}-${item.id}`}
            gap={6}
            wrap="nowrap"
            align="flex-start"
            id={`${item.kind}-${item.id}`}
          >
            <Text size="xs" c="dimmed" w={76} style={{ flexShrink: 0 }}>
              {formatDate(item.at, i18n.language)}
            </Text>
            <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
              {t(`briefing.timeline.kind.${item.kind}`)}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor href={sourceHref(customerId, item.source)} size="sm" truncate>
                {item.title}
                {item.amount !== null ? ` ${formatYen(item.amount, i18n.language)}` : ''}
              </Anchor>
              {item.detail && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {item.detail}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
        {query.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('briefing.none')}
          </Text>
        )}
      </Stack>
      {query.hasNextPage && (
        <Button
          variant="subtle"
          mt="xs"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('briefing.timeline.more')}
        </Button>
      )}
    </Card>
  );
}

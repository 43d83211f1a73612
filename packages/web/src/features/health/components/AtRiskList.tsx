import type { AtRiskCustomer, AtRiskQuery } from '@kayoi/server/contracts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHeartbeat } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../../../ui/EmptyPanel.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useAreas, useReps } from '../../customers/hooks/useReferenceData.ts';
import { healthKeys, listAtRisk } from '../api/health-api.ts';
import { HealthBar } from './HealthBar.tsx';
import { HealthReasons } from './HealthReasons.tsx';

const PAGE = 30;

function CustomerLink({ item }: { item: AtRiskCustomer }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="outline" size="sm" miw={26}>
        {item.customer.rank}
      </Badge>
      <Anchor
        renderRoot={(props) => (
          <Link {...props} to="/customers/$customerId" params={{ customerId: item.customer.id }} />
        )}
        fw={600}
        data-testid="at-risk-customer"
      >
        {item.customer.name}
      </Anchor>
    </Group>
  );
}

/** 要注意顧客: the customers whose health is low, least healthy first, with the reasons in words. */
export function AtRiskList() {
  const { t } = useTranslation();
  const me = useMe();
  const isRep = me.user.role === 'rep';
  const desk = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const [band, setBand] = useState<'watch' | 'at_risk'>('watch');
  const [repId, setRepId] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const reps = useReps(!isRep);
  const areas = useAreas();
  const query: AtRiskQuery = {
    band,
    limit: PAGE,
    ...(repId ? { repId } : {}),
    ...(areaId ? { areaId } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: healthKeys.list(query),
    queryFn: ({ pageParam, signal }) => listAtRisk({ ...query, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={band}
          onChange={(v) => setBand(v as 'watch' | 'at_risk')}
          data={[
            { value: 'watch', label: t('health.filter.watch') },
            { value: 'at_risk', label: t('health.filter.atRisk') },
          ]}
          data-testid="health-band"
        />
        {!isRep && (
          <Select
            label={t('health.filter.rep')}
            placeholder={t('health.filter.all')}
            data={(reps.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={repId}
            onChange={setRepId}
            clearable
            w={180}
          />
        )}
        <Select
          label={t('health.filter.area')}
          placeholder={t('health.filter.all')}
          data={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={areaId}
          onChange={setAreaId}
          clearable
          w={180}
        />
        {list.data && (
          <Text size="sm" c="dimmed" data-testid="at-risk-total">
            {t('health.total', { count: total })}
          </Text>
        )}
      </Group>
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyPanel
          icon={<IconHeartbeat size={28} />}
          title={t('health.emptyTitle')}
          description={t('health.emptyBody')}
        />
      ) : desk ? (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" data-testid="at-risk-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('health.column.customer')}</Table.Th>
                <Table.Th>{t('health.column.rep')}</Table.Th>
                <Table.Th>{t('health.column.score')}</Table.Th>
                <Table.Th>{t('health.column.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.customer.id} data-testid="at-risk-row" style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <CustomerLink item={item} />
                    <Text size="xs" c="dimmed">
                      {item.customer.code}
                      {item.areaName ? ` · ${item.areaName}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.repName ?? t('health.noRep')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <HealthBar score={item.score} band={item.band} width={110} />
                  </Table.Td>
                  <Table.Td>
                    <HealthReasons reasons={item.reasons} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : (
        <Stack gap="xs" data-testid="at-risk-list">
          {items.map((item) => (
            <Paper key={item.customer.id} withBorder radius="md" p="sm" data-testid="at-risk-row">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <CustomerLink item={item} />
                    <Text size="xs" c="dimmed">
                      {item.repName ?? t('health.noRep')}
                      {item.areaName ? ` · ${item.areaName}` : ''}
                    </Text>
                  </Stack>
                  <HealthBar score={item.score} band={item.band} width={72} />
                </Group>
                <HealthReasons reasons={item.reasons} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('health.more')}
        </Button>
      )}
    </Stack>
  );
}

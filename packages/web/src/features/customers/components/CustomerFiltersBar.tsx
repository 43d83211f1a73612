import {
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsQueryOptions } from '../../organization/hooks/useOrganization.ts';
import {
  type CustomerSort,
  type CustomerStatus,
  RANKS,
  type Rank,
  SORTS,
  STATUSES,
} from '../api/customer-types.ts';
import { useAreas, useReps } from '../hooks/useReferenceData.ts';
import {
  type CustomerFilters,
  DEFAULT_SORT,
  POSITION_FILTERS,
  type PositionFilter,
} from '../utils/customer-filters.ts';

interface CustomerFiltersBarProps {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
  /** Reps only see their own book, so the rep filter is hidden for them. */
  showRepFilter: boolean;
}

const countActive = (filters: CustomerFilters): number =>
  [
    filters.repId,
    filters.areaId,
    filters.teamId,
    filters.rank,
    filters.status,
    filters.position,
    filters.includeArchived,
  ].filter(Boolean).length;

/** Search box plus a collapsible row of filters; every change is written to the URL by the page. */
export function CustomerFiltersBar({ filters, onChange, showRepFilter }: CustomerFiltersBarProps) {
  const { t } = useTranslation();
  const areas = useAreas();
  const reps = useReps(showRepFilter);
  // Teams (managers and admins, who see more than one book); retired ones are left out.
  const teams = useQuery({ ...teamsQueryOptions, enabled: showRepFilter });
  const teamOptions = (teams.data?.items ?? [])
    .filter((team) => team.retiredAt === null || team.id === filters.teamId)
    .map((team) => ({ value: team.id, label: team.name }));
  const active = countActive(filters);
  const [opened, { toggle }] = useDisclosure(active > 0);
  const [query, setQuery] = useState(filters.q ?? '');

  // Follow the URL when it changes from elsewhere (back button, "clear filters").
  useEffect(() => setQuery(filters.q ?? ''), [filters.q]);

  const commitQuery = useDebouncedCallback((value: string) => {
    onChange({ ...filters, q: value.trim() || undefined });
  }, 300);

  const set = (patch: Partial<CustomerFilters>) => onChange({ ...filters, ...patch });

  return (
    <>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          aria-label={t('customers.search')}
          placeholder={t('customers.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          enterKeyHint="search"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            commitQuery(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              commitQuery.flush();
            }
          }}
          // Tapping a result right after typing: write the search first, so the pending one
          // cannot pull the page back to the list once the カルテ starts loading.
          onBlur={() => commitQuery.flush()}
          rightSection={
            query ? (
              <CloseButton
                size="sm"
                aria-label={t('customers.clearFilters')}
                onClick={() => {
                  setQuery('');
                  set({ q: undefined });
                }}
              />
            ) : null
          }
          style={{ flex: 1 }}
          size="md"
        />
        <Button
          variant={opened ? 'light' : 'default'}
          size="md"
          px="sm"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls="customer-filters"
          leftSection={<IconAdjustmentsHorizontal size={18} />}
          rightSection={
            active > 0 ? (
              <Badge size="sm" circle>
                {active}
              </Badge>
            ) : null
          }
        >
          {t('customers.filters')}
        </Button>
      </Group>
      <Collapse expanded={opened} id="customer-filters">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: showRepFilter ? 8 : 6 }} spacing="xs" mt="sm">
          {showRepFilter && (
            <Select
              label={t('customers.rep')}
              placeholder={t('common.all')}
              data={(reps.data ?? []).map((rep) => ({ value: rep.id, label: rep.name }))}
              value={filters.repId ?? null}
              onChange={(value) => set({ repId: value ?? undefined })}
              clearable
              searchable
              nothingFoundMessage={t('common.none')}
            />
          )}
          {showRepFilter && teamOptions.length > 0 && (
            <Select
              label={t('customers.team')}
              placeholder={t('common.all')}
              data={teamOptions}
              value={filters.teamId ?? null}
              onChange={(value) => set({ teamId: value ?? undefined })}
              clearable
            />
          )}
          <Select
            label={t('customers.area')}
            placeholder={t('common.all')}
            data={(areas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
            value={filters.areaId ?? null}
            onChange={(value) => set({ areaId: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage={t('common.none')}
          />
          <Select
            label={t('customers.rank')}
            placeholder={t('common.all')}
            data={RANKS.map((rank) => ({ value: rank, label: t('customers.rankLabel', { rank }) }))}
            value={filters.rank ?? null}
            onChange={(value) => set({ rank: (value as Rank | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('customers.status')}
            placeholder={t('common.all')}
            data={STATUSES.map((status) => ({ value: status, label: t(`customers.statusValues.${status}`) }))}
            value={filters.status ?? null}
            onChange={(value) => set({ status: (value as CustomerStatus | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('customers.position')}
            placeholder={t('common.all')}
            data={POSITION_FILTERS.map((p) => ({ value: p, label: t(`customers.positionValues.${p}`) }))}
            value={filters.position ?? null}
            onChange={(value) => set({ position: (value as PositionFilter | null) ?? undefined })}
            clearable
          />
          <Select
            label={t('customers.sort')}
            data={SORTS.map((sort) => ({ value: sort, label: t(`customers.sortOptions.${sort}`) }))}
            value={filters.sort ?? DEFAULT_SORT}
            onChange={(value) => set({ sort: (value as CustomerSort | null) ?? undefined })}
            allowDeselect={false}
          />
          <Switch
            label={t('customers.includeArchived')}
            checked={Boolean(filters.includeArchived)}
            onChange={(event) => set({ includeArchived: event.currentTarget.checked || undefined })}
            mt={{ base: 'xs', sm: 30 }}
          />
        </SimpleGrid>
        {(active > 0 || filters.q) && (
          <Button
            variant="subtle"
            size="xs"
            mt="xs"
            leftSection={<IconX size={14} />}
            onClick={() => {
              setQuery('');
              onChange({ sort: filters.sort });
            }}
          >
            {t('customers.clearFilters')}
          </Button>
        )}
      </Collapse>
    </>
  );
}

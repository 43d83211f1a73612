import type { PriceListEntry, Product, Rank } from '@kayoi/server/contracts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { tokyoDateKey } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { searchCustomers } from '../api/catalog-api.ts';
import { useCreatePriceEntry, useDeletePriceEntry, useProductPrices } from '../hooks/useCatalog.ts';
import { formatUnitPrice } from '../utils/format-unit-price.ts';

const period = (e: PriceListEntry) =>
  `${e.effectiveFrom.replaceAll('-', '/')}〜${e.effectiveTo?.replaceAll('-', '/') ?? ''}`;

/** Whether the entry is in effect today (Tokyo), ended, or yet to start. */
const stateOf = (e: PriceListEntry, today: string) =>
  e.effectiveFrom > today
    ? 'upcoming'
    : e.effectiveTo !== null && e.effectiveTo < today
      ? 'ended'
      : 'current';

function AddPriceEntry({ product, canPriceRanks }: { product: Product; canPriceRanks: boolean }) {
  const { t } = useTranslation();
  const create = useCreatePriceEntry();
  const [target, setTarget] = useState<'customer' | 'rank'>('customer');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [rank, setRank] = useState<Rank>('A');
  const [kind, setKind] = useState<'price' | 'discount'>('price');
  const [amount, setAmount] = useState<number | string>('');
  const [from, setFrom] = useState(tokyoDateKey(new Date()));
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const customers = useQuery({
    queryKey: ['catalog', 'customer-search', q],
    queryFn: ({ signal }) => searchCustomers(q, signal),
    enabled: target === 'customer',
    staleTime: 30_000,
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(amount === '' ? Number.NaN : amount);
    create.mutate(
      {
        productId: product.id,
        ...(target === 'customer' ? { customerId: customerId ?? '' } : { rank }),
        ...(kind === 'price' ? { unitPrice: value } : { discountPercent: value }),
        effectiveFrom: from,
        effectiveTo: to === '' ? null : to,
        note,
      },
      {
        onSuccess: () => {
          setAmount('');
          setNote('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="add-price-entry">
      <Stack gap="sm">
        {create.error != null && Object.keys(fields).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          {canPriceRanks && (
            <SegmentedControl
              size="xs"
              value={target}
              onChange={(v) => setTarget(v as 'customer' | 'rank')}
              data={[
                { value: 'customer', label: t('catalog.prices.forCustomer') },
                { value: 'rank', label: t('catalog.prices.forRank') },
              ]}
            />
          )}
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as 'price' | 'discount')}
            data={[
              { value: 'price', label: t('catalog.prices.specialPrice') },
              { value: 'discount', label: t('catalog.prices.discount') },
            ]}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {target === 'customer' ? (
            <Select
              label={t('catalog.prices.customer')}
              placeholder={t('catalog.prices.customerSearch')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
              value={customerId}
              onChange={setCustomerId}
              error={fields.customerId}
              nothingFoundMessage={customers.isFetching ? '…' : t('catalog.prices.noCustomer')}
            />
          ) : (
            <Select
              label={t('catalog.prices.rank')}
              data={['A', 'B', 'C'].map((r) => ({
                value: r,
                label: t('catalog.prices.rankLabel', { rank: r }),
              }))}
              value={rank}
              onChange={(v) => setRank((v ?? 'A') as Rank)}
              error={fields.rank}
              allowDeselect={false}
            />
          )}
          {kind === 'price' ? (
            <NumberInput
              label={t('catalog.prices.specialPrice')}
              value={amount}
              onChange={setAmount}
              decimalScale={2}
              min={0}
              thousandSeparator=","
              prefix="¥"
              error={fields.unitPrice}
            />
          ) : (
            <NumberInput
              label={t('catalog.prices.discountPercent')}
              value={amount}
              onChange={setAmount}
              decimalScale={2}
              min={0}
              max={100}
              suffix="%"
              error={fields.discountPercent ?? fields.unitPrice}
            />
          )}
          <TextInput
            type="date"
            label={t('catalog.prices.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={fields.effectiveFrom}
          />
          <TextInput
            type="date"
            label={t('catalog.prices.to')}
            description={t('catalog.prices.toHelp')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={fields.effectiveTo}
          />
        </SimpleGrid>
        <TextInput
          label={t('catalog.prices.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fields.note}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" leftSection={<IconPlus size={14} />} loading={create.isPending}>
            {t('catalog.prices.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A product's special prices and discounts (customer or rank, with dates), and a form to add one. */
export function PriceEntriesSection({
  product,
  canPriceRanks,
}: {
  product: Product;
  canPriceRanks: boolean;
}) {
  const { t, i18n } = useTranslation();
  const prices = useProductPrices(product.id);
  const remove = useDeletePriceEntry();
  const today = tokyoDateKey(new Date());
  const stateColor = { current: 'teal', upcoming: 'blue', ended: 'gray' } as const;
  return (
    <Stack gap="sm" data-testid="price-entries">
      <Text fw={700}>{t('catalog.prices.title')}</Text>
      <Text size="xs" c="dimmed">
        {t('catalog.prices.help')}
      </Text>
      {prices.isError ? (
        <ErrorState error={prices.error} onRetry={() => void prices.refetch()} />
      ) : prices.data && prices.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="price-entries-empty">
          {t('catalog.prices.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.prices.target')}</Table.Th>
                <Table.Th ta="right">{t('catalog.prices.price')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('catalog.prices.period')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(prices.data?.items ?? []).map((e) => {
                const state = stateOf(e, today);
                return (
                  <Table.Tr key={e.id} data-testid="price-entry">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {e.customer ? e.customer.name : t('catalog.prices.rankLabel', { rank: e.rank })}
                      </Text>
                      {e.note && (
                        <Text size="xs" c="dimmed">
                          {e.note}
                        </Text>
                      )}
                      <Group gap={6} hiddenFrom="sm" mt={2}>
                        <Text size="xs" className="tabular">
                          {period(e)}
                        </Text>
                        <Badge size="xs" variant="light" color={stateColor[state]}>
                          {t(`catalog.prices.state.${state}`)}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600} className="tabular">
                        {formatUnitPrice(e.effectiveUnitPrice, i18n.language)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {e.kind === 'discount'
                          ? t('catalog.prices.percentOff', { percent: e.discountPercent })
                          : t('catalog.prices.specialPrice')}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                          {period(e)}
                        </Text>
                        <Badge size="xs" variant="light" color={stateColor[state]}>
                          {t(`catalog.prices.state.${state}`)}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {(e.customer !== null || canPriceRanks) && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('catalog.prices.remove')}
                          loading={remove.isPending && remove.variables?.id === e.id}
                          onClick={() => {
                            if (window.confirm(t('catalog.prices.removeConfirm')))
                              remove.mutate({ id: e.id, version: e.version });
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddPriceEntry product={product} canPriceRanks={canPriceRanks} />
    </Stack>
  );
}

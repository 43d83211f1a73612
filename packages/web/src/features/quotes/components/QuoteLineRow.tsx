import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '../../../lib/format.ts';
import { getCustomerUnitPrice, type ProductOption, searchProducts } from '../api/products-api.ts';
import type { RoundingMode, TaxRate } from '../api/quote-types.ts';
import { catalogPriceText, type LineValues, lineAmountOf, productLinePatch } from '../utils/quote-form.ts';

interface QuoteLineRowProps {
  index: number;
  /** The quote's customer: a picked product is priced at what this customer pays. */
  customerId: string;
  line: LineValues;
  rounding: RoundingMode;
  errors?: Record<string, string>;
  /**
   * Changes the line; with `whileProduct`, only while the line still holds that product at its
   * catalog price (a late price answer never overwrites a price typed meanwhile).
   */
  onChange: (patch: Partial<LineValues>, whileProduct?: string) => void;
  onRemove: () => void;
}

/** One 明細 line: product (catalog search) or free text, 数量, 単位, 単価, 税率, 備考, and its amount. */
export function QuoteLineRow({
  index,
  customerId,
  line,
  rounding,
  errors = {},
  onChange,
  onRemove,
}: QuoteLineRowProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<ProductOption[]>([]);
  const search = useQuery({
    queryKey: ['products', 'pick', q],
    queryFn: ({ signal }) => searchProducts(q.trim(), signal),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
  const found = [...(search.data ?? []), ...picked.filter((p) => !search.data?.some((s) => s.id === p.id))];
  // A line that came with its product (a copy, a signal card's link) shows it before any search.
  const options =
    line.productId && !found.some((p) => p.id === line.productId)
      ? [
          {
            id: line.productId,
            code: line.productCode ?? '',
            name: line.name,
            unit: line.unit,
            unitPrice: line.unitPrice,
            taxRate: line.taxRate,
          },
          ...found,
        ]
      : found;
  const amount = lineAmountOf(line, rounding);
  const discount = line.kind === 'discount';
  const n = index + 1;
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="quote-line"
      data-line={n}
      bg={discount ? 'var(--mantine-color-red-0)' : undefined}
    >
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6}>
          <Text size="sm" fw={700} c="dimmed">
            {n}
          </Text>
          {discount && (
            <Badge color="red" variant="light">
              {t('quotes.line.discount')}
            </Badge>
          )}
          {line.productCode && (
            <Text size="xs" c="dimmed" ff="monospace">
              {line.productCode}
            </Text>
          )}
        </Group>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('quotes.line.remove', { n })}
          onClick={onRemove}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
        {!discount && (
          <Select
            style={{ gridColumn: 'span 2' }}
            label={t('quotes.line.product')}
            placeholder={t('quotes.line.productPlaceholder')}
            searchable
            clearable
            searchValue={q}
            onSearchChange={setQ}
            value={line.productId}
            nothingFoundMessage={q.trim() ? t('quotes.line.noProduct') : undefined}
            data={options.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            filter={({ options: all }) => all}
            onChange={(id) => {
              const product = options.find((p) => p.id === id);
              if (!product) {
                onChange({ productId: null, productCode: null, priceSource: 'typed' });
                return;
              }
              setPicked([product]);
              onChange(productLinePatch(product));
              // The server's price lookup: this customer's special price or discount, else the list price.
              if (customerId)
                void getCustomerUnitPrice(product.id, customerId)
                  .then((price) =>
                    onChange(
                      { unitPrice: catalogPriceText(price.unitPrice), priceNote: price.source },
                      product.id,
                    ),
                  )
                  .catch(() => undefined);
            }}
            error={errors.productId}
          />
        )}
        <TextInput
          style={{ gridColumn: discount ? '1 / -1' : 'span 2' }}
          label={discount ? t('quotes.line.discountName') : t('quotes.line.name')}
          value={line.name}
          maxLength={200}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          label={t('quotes.line.quantity')}
          inputMode="numeric"
          value={line.quantity}
          onChange={(e) => onChange({ quantity: e.currentTarget.value })}
          error={errors.quantity}
        />
        <TextInput
          label={t('quotes.line.unit')}
          value={line.unit}
          maxLength={20}
          onChange={(e) => onChange({ unit: e.currentTarget.value })}
          error={errors.unit}
        />
        <TextInput
          label={t('quotes.line.unitPrice')}
          inputMode="decimal"
          value={line.unitPrice}
          leftSection={<Text size="sm">¥</Text>}
          onChange={(e) => onChange({ unitPrice: e.currentTarget.value, priceSource: 'typed' })}
          error={errors.unitPrice}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id={`tax-${line.key}`}>
            {t('quotes.line.taxRate')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby={`tax-${line.key}`}
            value={String(line.taxRate)}
            onChange={(value) => onChange({ taxRate: Number(value) as TaxRate })}
            data={[
              { value: '10', label: '10%' },
              { value: '8', label: t('quotes.line.reduced') },
            ]}
          />
        </div>
        <TextInput
          style={{ gridColumn: 'span 2' }}
          label={t('quotes.line.note')}
          value={line.note}
          maxLength={200}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
          error={errors.note}
        />
        <Group gap={4} justify="flex-end" align="flex-end" style={{ gridColumn: 'span 2' }}>
          {line.priceSource === 'catalog' && line.priceNote && (
            <Text size="xs" c="dimmed" mr="auto" data-testid="price-note">
              {t(`quotes.line.priceNote.${line.priceNote}`)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('quotes.line.amount')}
          </Text>
          <Text fw={700} ff="monospace" c={discount ? 'red' : undefined} data-testid="line-amount">
            {amount === null ? '—' : `${discount ? '▲' : ''}${formatYen(amount, i18n.language)}`}
          </Text>
        </Group>
      </SimpleGrid>
      {errors.taxRate && (
        <Text size="xs" c="red">
          {errors.taxRate}
        </Text>
      )}
    </Paper>
  );
}

import type { Product, TaxCategory } from '@kayoi/server/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { listProducts } from '../api/catalog-api.ts';
import { catalogKeys, useCreateProduct, useUpdateProduct } from '../hooks/useCatalog.ts';
import { formatUnitPrice } from '../utils/format-unit-price.ts';

interface ComponentRow {
  productId: string | null;
  quantity: number | string;
}

interface ProductFormProps {
  /** The product to edit; absent: a new one. */
  product?: Product;
  onSaved: (product: Product) => void;
  onCancel: () => void;
}

/** Add or edit a product: code, names, unit, the unit price (two decimals), tax category, a bundle's parts. */
export function ProductForm({ product, onSaved, onCancel }: ProductFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const [code, setCode] = useState(product?.code ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [nameKana, setNameKana] = useState(product?.nameKana ?? '');
  const [category, setCategory] = useState(product?.category ?? '');
  const [unit, setUnit] = useState(product?.unit ?? '');
  const [unitPrice, setUnitPrice] = useState<number | string>(product?.unitPrice ?? '');
  const [taxCategory, setTaxCategory] = useState<TaxCategory>(product?.taxCategory ?? 'standard');
  const [active, setActive] = useState(product?.active ?? true);
  const [components, setComponents] = useState<ComponentRow[]>(
    product?.components.map((c) => ({ productId: c.productId, quantity: c.quantity })) ?? [],
  );
  const options = useQuery({
    queryKey: [...catalogKeys.all, 'component-options'],
    queryFn: ({ signal }) => listProducts({ q: '', active: 'true' }, null, signal),
    enabled: components.length > 0,
    staleTime: 60_000,
  });
  const mutation = product ? update : create;
  const error = mutation.error;
  const fields = error instanceof ApiError ? error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      code,
      name,
      nameKana,
      category,
      unit,
      unitPrice:
        typeof unitPrice === 'number' ? unitPrice : Number(unitPrice === '' ? Number.NaN : unitPrice),
      taxCategory,
      active,
      components: components
        .filter((c) => c.productId !== null)
        .map((c) => ({ productId: c.productId as string, quantity: Number(c.quantity) })),
    };
    if (product)
      update.mutate({ id: product.id, body: { ...body, version: product.version } }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  const productOptions = (options.data?.items ?? [])
    .filter((p) => p.id !== product?.id && !p.isBundle)
    .map((p) => ({
      value: p.id,
      label: `${p.code} ${p.name}（${formatUnitPrice(p.unitPrice, i18n.language)}）`,
    }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error != null && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error instanceof ApiError && error.isConflict
              ? t('catalog.form.conflict')
              : errorMessage(error, t)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('catalog.fields.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fields.code}
            required
            disabled={product !== undefined}
            ff="monospace"
          />
          <TextInput
            label={t('catalog.fields.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            error={fields.category}
          />
        </SimpleGrid>
        <TextInput
          label={t('catalog.fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fields.name}
          required
        />
        <TextInput
          label={t('catalog.fields.nameKana')}
          description={t('catalog.form.kanaHelp')}
          value={nameKana}
          onChange={(e) => setNameKana(e.currentTarget.value)}
          error={fields.nameKana}
        />
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('catalog.fields.unitPrice')}
            description={t('catalog.form.priceHelp')}
            value={unitPrice}
            onChange={setUnitPrice}
            error={fields.unitPrice}
            decimalScale={2}
            min={0}
            max={10_000_000}
            thousandSeparator=","
            prefix="¥"
            required
          />
          <TextInput
            label={t('catalog.fields.unit')}
            description={t('catalog.form.unitHelp')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            error={fields.unit}
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="product-tax-label">
              {t('catalog.fields.taxCategory')}
            </Text>
            <SegmentedControl
              aria-labelledby="product-tax-label"
              value={taxCategory}
              onChange={(v) => setTaxCategory(v as TaxCategory)}
              data={[
                { value: 'standard', label: t('catalog.tax.standard') },
                { value: 'reduced', label: t('catalog.tax.reduced') },
              ]}
            />
            {fields.taxCategory && (
              <Text size="xs" c="red">
                {fields.taxCategory}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        <Switch
          label={t('catalog.form.active')}
          description={t('catalog.form.activeHelp')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />

        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('catalog.form.components')}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setComponents([...components, { productId: null, quantity: 1 }])}
            >
              {t('catalog.form.addComponent')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('catalog.form.componentsHelp')}
          </Text>
          {fields.components && (
            <Text size="xs" c="red">
              {fields.components}
            </Text>
          )}
          {components.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until a product is chosen
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <Select
                aria-label={t('catalog.form.componentProduct')}
                placeholder={t('catalog.form.componentProduct')}
                data={productOptions}
                value={c.productId}
                onChange={(v) =>
                  setComponents(components.map((row, j) => (j === i ? { ...row, productId: v } : row)))
                }
                error={fields[`components.${i}.productId`]}
                searchable
                style={{ flex: 1, minWidth: 0 }}
              />
              <NumberInput
                aria-label={t('catalog.form.componentQuantity')}
                value={c.quantity}
                onChange={(v) =>
                  setComponents(components.map((row, j) => (j === i ? { ...row, quantity: v } : row)))
                }
                error={fields[`components.${i}.quantity`]}
                min={1}
                allowDecimal={false}
                w={80}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('catalog.form.removeComponent')}
                onClick={() => setComponents(components.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('catalog.form.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('catalog.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

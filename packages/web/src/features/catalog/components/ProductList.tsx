import type { ProductSummary } from '@kayoi/server/contracts';
import { Badge, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { formatUnitPrice } from '../utils/format-unit-price.ts';
import { TaxBadge } from './TaxBadge.tsx';

interface ProductListProps {
  products: readonly ProductSummary[];
  onOpen: (id: string) => void;
}

function Status({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {product.isBundle && (
        <Badge variant="outline" color="indigo" radius="sm" size="sm">
          {t('catalog.bundle')}
        </Badge>
      )}
      {!product.active && (
        <Badge variant="light" color="red" radius="sm" size="sm">
          {t('catalog.inactive')}
        </Badge>
      )}
    </Group>
  );
}

/** The catalog: a table on a desk, cards on a phone; a row opens the product. */
export function ProductList({ products, onOpen }: ProductListProps) {
  const { t, i18n } = useTranslation();
  const isDesktop = useIsDesktop();
  if (!isDesktop)
    return (
      <Stack gap="xs" data-testid="product-list">
        {products.map((p) => (
          <UnstyledButton key={p.id} onClick={() => onOpen(p.id)} w="100%" data-testid="product-card">
            <Paper withBorder p="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {p.code}
                  </Text>
                  <Text fw={600} size="sm" lineClamp={2}>
                    {p.name}
                  </Text>
                  <Group gap={6}>
                    <TaxBadge category={p.taxCategory} />
                    <Status product={p} />
                  </Group>
                </Stack>
                <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text fw={700} className="tabular">
                    {formatUnitPrice(p.unitPrice, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    / {p.unit}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </Stack>
    );
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="xs" data-testid="product-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('catalog.fields.code')}</Table.Th>
            <Table.Th>{t('catalog.fields.name')}</Table.Th>
            <Table.Th w={140}>{t('catalog.fields.category')}</Table.Th>
            <Table.Th w={130} ta="right">
              {t('catalog.fields.unitPrice')}
            </Table.Th>
            <Table.Th w={90}>{t('catalog.fields.taxCategory')}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p) => (
            <Table.Tr
              key={p.id}
              onClick={() => onOpen(p.id)}
              style={{ cursor: 'pointer' }}
              data-testid="product-row"
            >
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <UnstyledButton onClick={() => onOpen(p.id)}>
                  <Text size="sm" fw={600}>
                    {p.name}
                  </Text>
                  {p.nameKana && (
                    <Text size="xs" c="dimmed">
                      {p.nameKana}
                    </Text>
                  )}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.category}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600} className="tabular" span>
                  {formatUnitPrice(p.unitPrice, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed" span>
                  {' '}
                  / {p.unit}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaxBadge category={p.taxCategory} />
              </Table.Td>
              <Table.Td>
                <Status product={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

import { Button, Divider, Group, Menu, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
  IconPlus,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { type ActiveFilter, productExportUrl } from '../api/catalog-api.ts';
import { useProduct, useProducts } from '../hooks/useCatalog.ts';
import { PriceEntriesSection } from './PriceEntriesSection.tsx';
import { ProductForm } from './ProductForm.tsx';
import { ProductImport } from './ProductImport.tsx';
import { ProductList } from './ProductList.tsx';

function ProductEditor({
  id,
  canPriceRanks,
  onClose,
}: {
  id: string;
  canPriceRanks: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const product = useProduct(id);
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  if (!product.data) return <ListSkeleton />;
  return (
    <Stack gap="lg">
      <ProductForm
        key={product.data.version}
        product={product.data}
        onSaved={() => notifications.show({ color: 'teal', message: t('catalog.form.saved') })}
        onCancel={onClose}
      />
      <Divider />
      <PriceEntriesSection product={product.data} canPriceRanks={canPriceRanks} />
    </Stack>
  );
}

/** 商品マスタ: search the catalog, add and edit products and bundles, customer prices, CSV in and out. */
export function CatalogView({ userRole: role }: { userRole: 'rep' | 'manager' | 'admin' }) {
  const { t } = useTranslation();
  const isDesktop = useIsDesktop();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const [q] = useDebouncedValue(search, 250);
  const filters = { q, active };
  const products = useProducts(filters);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const canWrite = role === 'manager' || role === 'admin';
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        actions={
          <>
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  rightSection={<IconChevronDown size={14} />}
                >
                  {t('catalog.export.button')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  component="a"
                  href={productExportUrl(filters, 'sjis')}
                  download
                  leftSection={<IconFileSpreadsheet size={16} />}
                >
                  {t('catalog.export.sjis')}
                </Menu.Item>
                <Menu.Item
                  component="a"
                  href={productExportUrl(filters, 'utf8')}
                  download
                  leftSection={<IconFileText size={16} />}
                >
                  {t('catalog.export.utf8')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconUpload size={16} />}
                onClick={() => setImporting(true)}
              >
                {t('catalog.import.button')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('catalog.new')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label={t('catalog.search')}
            placeholder={t('catalog.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <SegmentedControl
            aria-label={t('catalog.activeFilter')}
            value={active}
            onChange={(v) => setActive(v as ActiveFilter)}
            data={[
              { value: 'true', label: t('catalog.active.true') },
              { value: 'false', label: t('catalog.active.false') },
              { value: 'all', label: t('catalog.active.all') },
            ]}
          />
        </Group>
        {products.isError ? (
          <ErrorState error={products.error} onRetry={() => void products.refetch()} />
        ) : products.isPending ? (
          <ListSkeleton />
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('catalog.empty')}
          </Text>
        ) : (
          <ProductList products={items} onOpen={setOpenId} />
        )}
        {products.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={products.isFetchingNextPage}
              onClick={() => void products.fetchNextPage()}
            >
              {t('catalog.more')}
            </Button>
          </Group>
        )}
      </Stack>

      <Modal
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('catalog.edit')}
        size="xl"
        fullScreen={!isDesktop}
      >
        {openId !== null &&
          (canWrite ? (
            <ProductEditor id={openId} canPriceRanks={role === 'admin'} onClose={() => setOpenId(null)} />
          ) : (
            <Text>{t('catalog.readOnly')}</Text>
          ))}
      </Modal>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('catalog.new')}
        size="lg"
        fullScreen={!isDesktop}
      >
        {creating && (
          <ProductForm
            onSaved={(p) => {
              setCreating(false);
              notifications.show({ color: 'teal', message: t('catalog.form.created', { code: p.code }) });
              setOpenId(p.id);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
      <Modal
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('catalog.import.title')}
        size="xl"
        fullScreen={!isDesktop}
      >
        {importing && <ProductImport onDone={() => setImporting(false)} />}
      </Modal>
    </>
  );
}

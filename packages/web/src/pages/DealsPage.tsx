import { Button, Tabs } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { OrdersList } from '../features/orders/components/OrdersList.tsx';
import { QuotesList } from '../features/quotes/components/QuotesList.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export type DealsTab = 'quotes' | 'orders';

export function DealsPage({ tab = 'quotes', onTab }: { tab?: DealsTab; onTab?: (tab: DealsTab) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('nav.deals')}
        actions={
          <Button
            variant="default"
            leftSection={<IconLayoutDashboard size={16} />}
            renderRoot={(props) => <Link {...props} to="/desk" />}
          >
            {t('desk.title')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={(value) => onTab?.((value as DealsTab) ?? 'quotes')} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="quotes">{t('quotes.tab')}</Tabs.Tab>
          <Tabs.Tab value="orders">{t('orders.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="quotes">
          <QuotesList />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <OrdersList />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

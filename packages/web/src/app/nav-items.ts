import {
  type Icon,
  IconCalendarWeek,
  IconChartBar,
  IconFileInvoice,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react';

export interface NavItem {
  to: '/' | '/customers' | '/plan' | '/deals' | '/dashboard' | '/settings';
  labelKey: `nav.${'today' | 'customers' | 'plan' | 'deals' | 'dashboard' | 'settings'}`;
  icon: Icon;
  /** Match only the exact path (the home route would otherwise match everything). */
  exact?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.today', icon: IconSun, exact: true },
  { to: '/customers', labelKey: 'nav.customers', icon: IconUsers },
  { to: '/plan', labelKey: 'nav.plan', icon: IconCalendarWeek },
  { to: '/deals', labelKey: 'nav.deals', icon: IconFileInvoice },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: IconChartBar },
  { to: '/settings', labelKey: 'nav.settings', icon: IconSettings },
];

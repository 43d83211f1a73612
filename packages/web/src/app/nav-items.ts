import {
  type Icon,
  IconCalendarWeek,
  IconChartBar,
  IconExchange,
  IconFileInvoice,
  IconFileText,
  IconLayoutDashboard,
  IconMap2,
  IconPackage,
  IconSettings,
  IconSun,
  IconUserCog,
  IconUsers,
} from '@tabler/icons-react';

export interface NavItem {
  to:
    | '/'
    | '/customers'
    | '/plan'
    | '/deals'
    | '/desk'
    | '/forms'
    | '/dashboard'
    | '/settings'
    | '/catalog'
    | '/people'
    | '/organization'
    | '/handovers';
  labelKey:
    | `nav.${'today' | 'customers' | 'plan' | 'deals' | 'dashboard' | 'settings'}`
    | 'desk.nav'
    | 'forms.nav'
    | 'catalog.nav'
    | 'people.title'
    | 'organization.nav'
    | 'handover.nav';
  icon: Icon;
  /** Match only the exact path (the home route would otherwise match everything). */
  exact?: boolean;
  /** Only in the desk's side navbar, not in the phone's tab bar (営業事務 works at a desk). */
  deskOnly?: boolean;
  /** Other paths that belong to this destination (a quote's page is under 見積・受注). */
  also?: readonly string[];
  /** Only for these roles (absent: everyone). */
  roles?: readonly ('rep' | 'manager' | 'admin')[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.today', icon: IconSun, exact: true },
  { to: '/customers', labelKey: 'nav.customers', icon: IconUsers },
  { to: '/plan', labelKey: 'nav.plan', icon: IconCalendarWeek },
  { to: '/deals', labelKey: 'nav.deals', icon: IconFileInvoice, also: ['/quotes', '/orders'] },
  { to: '/desk', labelKey: 'desk.nav', icon: IconLayoutDashboard, deskOnly: true },
  { to: '/forms', labelKey: 'forms.nav', icon: IconFileText, deskOnly: true },
  { to: '/catalog', labelKey: 'catalog.nav', icon: IconPackage, deskOnly: true, roles: ['manager', 'admin'] },
  { to: '/handovers', labelKey: 'handover.nav', icon: IconExchange, deskOnly: true },
  { to: '/people', labelKey: 'people.title', icon: IconUserCog, deskOnly: true, roles: ['manager', 'admin'] },
  {
    to: '/organization',
    labelKey: 'organization.nav',
    icon: IconMap2,
    deskOnly: true,
    roles: ['manager', 'admin'],
  },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: IconChartBar },
  { to: '/settings', labelKey: 'nav.settings', icon: IconSettings },
];

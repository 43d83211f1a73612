import {
  AppShell,
  Avatar,
  Badge,
  Box,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { useSignOut } from '../features/auth/hooks/useSignOut.ts';
import { NotificationBell } from '../features/notifications/components/NotificationBell.tsx';
import { SyncIndicator } from '../features/offline/components/SyncIndicator.tsx';
import { useOfflineSync } from '../features/offline/use-offline-sync.ts';
import { useIsDesktop } from '../ui/useIsDesktop.ts';
import classes from './AppLayout.module.css';
import { NAV_ITEMS, type NavItem } from './nav-items.ts';

const isActive = (item: NavItem, pathname: string): boolean =>
  item.exact
    ? pathname === item.to
    : [item.to, ...(item.also ?? [])].some((to) => pathname === to || pathname.startsWith(`${to}/`));

function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
      <Box className={classes.logo} aria-hidden>
        通
      </Box>
      <Text fw={700} fz="lg" lh={1}>
        {t('app.name')}
      </Text>
    </Group>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.userButton} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" name={me.user.name} />
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${me.user.role}`)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.tenant.name}</Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
          {t('signOut.action')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The signed-in shell: a side navbar on desks, a bottom tab bar on phones (< 768px).
 * Only one of the two is rendered so each destination has a single link on screen.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isDesktop = useIsDesktop();
  useOfflineSync(me.user.id);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: true, desktop: !isDesktop } }}
      footer={{ height: 64, collapsed: isDesktop }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px={{ base: 'sm', sm: 'lg' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Link to="/" className={classes.brandLink} aria-label={t('app.name')}>
              <Brand />
            </Link>
            <Badge
              variant="light"
              color="gray"
              radius="sm"
              className={classes.tenant}
              data-testid="tenant-name"
            >
              {me.tenant.name}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SyncIndicator />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {isDesktop && (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')} component="nav">
          <Stack gap={4}>
            {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(me.user.role)).map((item) => {
              const active = isActive(item, pathname);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={20} stroke={1.6} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  className={classes.navLink}
                />
              );
            })}
          </Stack>
          <Text size="xs" c="dimmed" mt="auto" px="sm">
            {t('app.tagline')}
          </Text>
        </AppShell.Navbar>
      )}

      <AppShell.Main id="main" className={classes.main}>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>

      {!isDesktop && (
        <AppShell.Footer component="nav" aria-label={t('nav.label')} className={classes.tabBar}>
          {NAV_ITEMS.filter((item) => !item.deskOnly).map((item) => {
            const active = isActive(item, pathname);
            return (
              <Link
                key={item.to}
                to={item.to}
                className={classes.tab}
                data-active={active || undefined}
                aria-current={active ? 'page' : undefined}
              >
                <item.icon size={22} stroke={active ? 2 : 1.6} aria-hidden />
                <span className={classes.tabLabel}>{t(item.labelKey)}</span>
              </Link>
            );
          })}
        </AppShell.Footer>
      )}
    </AppShell>
  );
}

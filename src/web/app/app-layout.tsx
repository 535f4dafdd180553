import { useEffect } from 'react';
import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { NotificationBell } from '../components/notification-bell';
import { PageLoader } from '../components/page-loader';
import { QueryError } from '../components/query-error';
import { useT } from './i18n';
import { navFor } from './navigation';
import { sessionExpired, useLogout, useSessionQuery, useSyncSessionLocale } from './session';

/** Everything behind the login: the shell with header, role-based navbar and the page. */
export function ProtectedLayout() {
  const session = useSessionQuery();
  const location = useLocation();
  useSyncSessionLocale(session.data);
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <Box p="md" component="main">
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </Box>
    );
  }
  if (!session.data) {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, expired: sessionExpired() }}
      />
    );
  }
  return <Shell />;
}

function Shell() {
  const t = useT();
  const { data } = useSessionQuery();
  const me = data!.user;
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  // Close the phone menu after navigating.
  useEffect(() => close(), [location.pathname, close]);

  const items = navFor(me);
  const isActive = (to: string) =>
    to === '/'
      ? location.pathname === '/'
      : location.pathname === to || location.pathname.startsWith(`${to}/`);

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a
          className="skip-link"
          href="#main-content"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main-content')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Text
              fw={700}
              size="lg"
              component={Link}
              to="/"
              c="var(--mantine-color-text)"
              td="none"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('app.name')}
            </Text>
            <Text visibleFrom="md" size="sm" truncate data-testid="region-name">
              {me.region.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text visibleFrom="sm" size="sm" fw={500} truncate data-testid="user-name">
              {me.fullName}
            </Text>
            <NotificationBell />
            <LanguageSwitch />
            <Button
              size="xs"
              variant="default"
              onClick={onLogout}
              loading={logout.isPending}
              data-testid="logout-button"
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="app-navbar" aria-label={t('nav.main')}>
        <Stack gap={2} hiddenFrom="md" px="sm" pb="xs">
          <Text size="sm" fw={600}>
            {me.region.name}
          </Text>
          <Text size="sm" hiddenFrom="sm">
            {me.fullName}
          </Text>
        </Stack>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) =>
            item.children ? (
              // A group: a button that opens its entries, open while one of them is shown.
              <NavLink
                key={item.to}
                component="button"
                type="button"
                label={t(item.label)}
                defaultOpened={isActive(item.to)}
                data-testid={`nav-group-${item.to.slice(1)}`}
              >
                {item.children.map((child) => (
                  <NavLink
                    key={child.to}
                    component={Link}
                    to={child.to}
                    label={t(child.label)}
                    active={isActive(child.to)}
                    aria-current={isActive(child.to) ? 'page' : undefined}
                    variant="filled"
                  />
                ))}
              </NavLink>
            ) : (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={isActive(item.to)}
                aria-current={isActive(item.to) ? 'page' : undefined}
                variant="filled"
              />
            ),
          )}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

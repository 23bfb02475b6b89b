import { Alert, Anchor, AppShell, Burger, Button, Divider, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useOnline } from '../api/connection';
import type { Language } from '../api/types';
import { useAuth } from '../features/auth/AuthContext';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { changeLanguage, LANGUAGES } from '../i18n';
import { mayOpen, ROUTES, type AppRoute } from './routes';
import classes from './Layout.module.css';

/**
 * Where the navigation moves from the side of the page into the burger menu (Mantine's `md`,
 * 62em = 992 px): wide screens (1280–1366 px and up) keep it beside the page, so the header never
 * wraps however many pages a role has; tablets and phones open it from the burger.
 */
const BREAKPOINT = 'md';
const WIDE = '(min-width: 62em)';

/**
 * The frame of every page: a one-line header (name, notifications bell, language, who is signed
 * in), the navigation by role beside the page or in the burger menu, and the main landmark.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const wide = useMediaQuery(WIDE, true, { getInitialValueInEffect: false });
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: BREAKPOINT, collapsed: { mobile: !opened } }} padding="md">
      <a className={classes.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" className={classes.start}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom={BREAKPOINT}
              size="sm"
              aria-label={t('app.toggleMenu')}
              aria-expanded={opened}
              aria-controls="mobile-navigation"
            />
            <Anchor component={RouterLink} to="/" fw={700} size="lg" c="trta.8" underline="never" className={classes.brand}>
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" className={classes.end}>
            {user && <NotificationBell />}
            <LanguageSwitch />
            <div className={classes.wideOnly}>
              <SessionControls />
            </div>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="mobile-navigation" aria-label={t('app.mainNavigation')} className={classes.navbar}>
        {(wide || opened) && (
          <Stack gap={4}>
            <NavigationLinks />
            {!wide && (
              <>
                <Divider my="xs" />
                <SessionControls stacked />
              </>
            )}
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <ConnectionBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/** The role's own pages first (its home, then its work), then the pages everyone has. */
function NavigationLinks() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const role = user?.role ?? null;
  const visible = ROUTES.filter((route) => route.nav && mayOpen(route, role));
  const own = (route: AppRoute) => route.path === '/home' || Array.isArray(route.access);
  const groups = [visible.filter(own), visible.filter((route) => !own(route))].filter((group) => group.length > 0);
  return (
    <>
      {groups.map((group, index) => (
        <Stack gap={2} key={index}>
          {index > 0 && <Divider my={6} />}
          {group.map((route) => (
            <Button key={route.path} component={RouterLink} to={route.path} variant="subtle" className={classes.navLink} justify="flex-start" fullWidth>
              {t(route.nav!.label)}
            </Button>
          ))}
        </Stack>
      ))}
    </>
  );
}

function SessionControls({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  if (user === undefined) return null;
  if (user === null) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={RouterLink} to="/sign-in" variant="default">
          {t('nav.signIn')}
        </Button>
        <Button component={RouterLink} to="/sign-up">
          {t('nav.signUp')}
        </Button>
      </Group>
    );
  }
  const who = (
    <Text size="sm" c="gray.7" className={stacked ? undefined : classes.who} title={user.email} data-testid="signed-in-user">
      {user.email} · {t(`roles.${user.role}`)}
    </Text>
  );
  const signOutButton = (
    <Button variant="default" onClick={() => void signOut()}>
      {t('nav.signOut')}
    </Button>
  );
  return stacked ? (
    <Stack gap="xs" align="flex-start">
      {who}
      {signOutButton}
    </Stack>
  ) : (
    <Group gap="xs" wrap="nowrap">
      {who}
      {signOutButton}
    </Group>
  );
}

/** The interface language; its accessible name is "Language" in the current one. */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="sm"
      aria-label={t('app.language')}
      title={t('app.language')}
      value={i18n.resolvedLanguage}
      onChange={(event) => void changeLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
      data-testid="language-switch"
      className={classes.language}
    />
  );
}

/** Says so when the server cannot be reached, instead of leaving a blank or frozen page. */
function ConnectionBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <Alert role="alert" color="red" variant="filled" mb="md" title={t('errors.unreachable')} data-testid="offline-banner">
      {t('app.offline')}
    </Alert>
  );
}

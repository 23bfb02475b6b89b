import { Alert, Anchor, AppShell, Burger, Button, Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useOnline } from '../api/connection';
import { useAuth } from '../features/auth/AuthContext';
import { LANGUAGES } from '../i18n';
import { mayOpen, ROUTES } from './routes';
import classes from './Layout.module.css';

/** The frame of every page: header with navigation by role, language and session; main landmark. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: true } }} padding="md">
      <a className={classes.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleMenu')} aria-expanded={opened} aria-controls="mobile-navigation" />
            <Anchor component={RouterLink} to="/" fw={700} size="lg" c="trta.8" underline="never">
              {t('app.name')}
            </Anchor>
            <nav aria-label={t('app.mainNavigation')} className={classes.desktopOnly}>
              <Group gap={4}>
                <NavigationLinks />
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <div className={classes.desktopOnly}>
              <SessionControls />
            </div>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" id="mobile-navigation" aria-label={t('app.mainNavigation')}>
        {opened && (
          <Stack gap="xs">
            <NavigationLinks />
            <SessionControls />
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

function NavigationLinks() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      {ROUTES.filter((route) => route.nav && mayOpen(route, user?.role ?? null)).map((route) => (
        <Button key={route.path} component={RouterLink} to={route.path} variant="subtle" className={classes.navLink} justify="flex-start">
          {t(route.nav!.label)}
        </Button>
      ))}
    </>
  );
}

function SessionControls() {
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
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="gray.7" className={classes.who}>
        {user.email} · {t(`roles.${user.role}`)}
      </Text>
      <Button variant="default" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className={classes.language}>
      <VisuallyHidden>{t('app.language')}</VisuallyHidden>
      <NativeSelect
        size="sm"
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
        data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
        data-testid="language-switch"
      />
    </label>
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

import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { can } from '../../../components/Allowed';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { useAuth } from '../../auth/AuthContext';
import { useApplyCheck, type ApplyRefusal } from '../api';

type Entry = Schemas['CatalogueEntry'];

/** Who may apply: the countries (LDCs marked), or every country for a global activity; the nomination it needs. */
export function WhoMayApply({ activity }: { activity: Entry }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="who-may-apply" data-testid="who-may-apply">
      <Title order={2} size="h4" id="who-may-apply" mb="xs">
        {t('eligibility.title')}
      </Title>
      {activity.type === 'global' || activity.eligibleCountries.length === 0 ? (
        <Text>{t('eligibility.everyCountry')}</Text>
      ) : (
        <>
          <Text mb={6}>{t('eligibility.countries', { count: activity.eligibleCountries.length })}</Text>
          <Group gap={6}>
            {activity.eligibleCountries.map((country) => (
              <Badge key={country.code} variant="light" color="gray" c="dark.8" tt="none" size="lg">
                {country.name}
                {country.ldc ? ` · ${t('eligibility.ldc')}` : ''}
              </Badge>
            ))}
          </Group>
        </>
      )}
      <Text mt="sm" size="sm">
        {activity.requiresNomination ? t('eligibility.nomination') : t('eligibility.noNomination')}
      </Text>
    </Paper>
  );
}

/** The refusal a form would meet, in the interface language, from its code and params. */
export function refusalText(t: (key: string, options?: Record<string, unknown>) => string, refusal: ApplyRefusal): string {
  const params = refusal.params as Record<string, unknown>;
  const deadline = typeof params.deadline === 'string' ? formatDate(params.deadline) : '';
  return t(`eligibility.refusals.${refusal.code}`, { ...params, deadline, defaultValue: t('eligibility.refusals.other') });
}

/**
 * What the person may do with the activity: an applicant sees whether their country is eligible
 * and Apply only when the server says the form can succeed, else the reasons; a link to their
 * application or their draft. A visitor is asked to sign up or sign in, and comes back to the form.
 */
export function ApplyPanel({ activity }: { activity: Entry }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isApplicant = user?.role === 'applicant';
  const check = useApplyCheck(activity.id, isApplicant);
  const applyPath = `/catalogue/${activity.id}/apply`;

  if (user === undefined) return null;
  if (!user) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="apply-heading" data-testid="apply-panel">
        <Title order={2} size="h4" id="apply-heading" mb="xs">
          {t('eligibility.applyTitle')}
        </Title>
        <Text mb="sm">{t('eligibility.signUpFirst')}</Text>
        <Group>
          <Button component={Link} to={`/sign-up?returnTo=${encodeURIComponent(applyPath)}`}>
            {t('eligibility.signUpToApply')}
          </Button>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(applyPath)}`} variant="default">
            {t('eligibility.signInToApply')}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (!isApplicant) return null;
  if (check.isPending) return <Loading />;
  if (check.isError) return null;
  const result = check.data;
  const reasons = result.refusals.filter((refusal) => refusal.code !== 'ALREADY_APPLIED');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="apply-heading" data-testid="apply-panel">
      <Title order={2} size="h4" id="apply-heading" mb="xs">
        {t('eligibility.applyTitle')}
      </Title>
      <Stack gap="sm">
        {result.countryEligible !== null && (
          <Text fw={600} data-testid="country-eligibility" c={result.countryEligible ? 'teal.9' : 'red.9'}>
            {result.countryEligible ? t('eligibility.yourCountryEligible') : t('eligibility.yourCountryNotEligible')}
          </Text>
        )}
        {result.applicationId ? (
          <Alert color="blue" c="dark.8" data-testid="already-applied">
            {t('eligibility.alreadyApplied')}{' '}
            <Anchor component={Link} to={`/my/applications/${result.applicationId}`} fw={600}>
              {t('eligibility.seeApplication')}
            </Anchor>
          </Alert>
        ) : can(result, 'apply') ? (
          <Group>
            <Button component={Link} to={applyPath} data-testid="apply-button">
              {result.draft ? t('eligibility.continueDraft') : t('applicant.apply.button')}
            </Button>
            {result.draft && (
              <Text size="sm" c="gray.7">
                {t('eligibility.draftSaved', { date: formatDate(result.draft.updatedAt) })}
              </Text>
            )}
          </Group>
        ) : (
          <Alert color="orange" c="dark.8" title={t('eligibility.cannotApply')} data-testid="cannot-apply">
            <List size="sm">
              {reasons.map((refusal) => (
                <List.Item key={refusal.code}>
                  {refusalText(t, refusal)}
                  {refusal.code === 'PROFILE_INCOMPLETE' && (
                    <>
                      {' '}
                      <Anchor component={Link} to="/my/profile">
                        {t('eligibility.completeProfile')}
                      </Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../../../api/reference';
import { Link, useParams } from 'react-router';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { LoadFailure } from '../../../components/LoadFailure';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { currentLanguage } from '../../../i18n';
import { ActivityBadges } from '../components/ActivityFacts';
import { ApplyPanel, WhoMayApply } from '../components/ApplyPanel';
import { calendarUrl, useCatalogueEntry } from '../api';

/** An activity sheet of the catalogue, in the interface language when the sheet has it. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = currentLanguage();
  const entry = useCatalogueEntry(id, lang);
  const names = useReferenceNames();

  const back = (
    <Anchor component={Link} to="/catalogue" size="sm" mb="sm" display="inline-block">
      ← {t('activity.back')}
    </Anchor>
  );
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <LoadFailure back={back} error={entry.error} notFound={t('activity.notFound')} onRetry={() => void entry.refetch()} />;
  const activity = entry.data;
  const served = activity.servedLanguage;
  const place = activity.venueCity ? [activity.venueCity, names.country(activity.venueCountry)].filter(Boolean).join(', ') : t('catalogue.online');
  const sections = [
    ['activity.objectives', activity.objectives],
    ['activity.targetAudience', activity.targetAudience],
    ['activity.requirements', activity.applicationRequirements],
    ['activity.programme', activity.programme],
  ] as const;

  return (
    <>
      {back}
      <PageTitle>{activity.title}</PageTitle>
      <Stack gap="lg">
        <ActivityBadges activity={activity} />
        {served !== lang && (
          <Alert color="yellow" c="dark.8" data-testid="sheet-language-notice">
            {t('activity.notInLanguage', { wanted: t(`languages.${lang}`), served: t(`languages.${served}`) })}
          </Alert>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="facts">
          <Title order={2} size="h4" id="facts" mb="sm">
            {t('activity.facts')}
          </Title>
          <Facts
            spacing="xs"
            facts={[
              [t('activity.dates'), activity.startDate ? t('catalogue.dates', { start: formatDate(activity.startDate), end: formatDate(activity.endDate) }) : '—'],
              [t('activity.deadline'), activity.applicationDeadline ? formatDate(activity.applicationDeadline) : t('catalogue.noDeadline')],
              [t('activity.venue'), place],
              [t('activity.capacity'), String(activity.capacity)],
              [t('activity.languages'), activity.languages.map((language) => t(`languages.${language}`)).join(', ')],
              [t('activity.deliveryMode'), t(`modes.${activity.deliveryMode}`)],
            ]}
          />
        </Paper>

        <WhoMayApply activity={activity} />
        <ApplyPanel activity={activity} />

        <div lang={served} data-testid="sheet-texts">
          {sections.map(([label, text]) =>
            text ? (
              <section key={label} aria-labelledby={label}>
                <Title order={2} size="h3" id={label} mb="xs" lang={lang}>
                  {t(label)}
                </Title>
                <Text className="sheet-text" mb="lg">
                  {text}
                </Text>
              </section>
            ) : null,
          )}
        </div>

        {activity.requiredDocuments.length > 0 && (
          <section aria-labelledby="documents">
            <Title order={2} size="h3" id="documents" mb="xs">
              {t('activity.documents')}
            </Title>
            <List>
              {activity.requiredDocuments.map((document) => (
                <List.Item key={document}>{t(`documents.${document}`)}</List.Item>
              ))}
            </List>
          </section>
        )}

        {activity.materials.length > 0 && (
          <section aria-labelledby="materials">
            <Title order={2} size="h3" id="materials" mb="xs">
              {t('activity.materials')}
            </Title>
            <List>
              {activity.materials.map((material) => (
                <List.Item key={material.id}>
                  <Anchor href={material.downloadUrl ?? material.url ?? '#'}>{material.title}</Anchor>
                </List.Item>
              ))}
            </List>
          </section>
        )}

        <Group>
          <Button component="a" href={`/api/catalogue/${activity.id}/sheet.pdf?lang=${lang}`} variant="default">
            {t('activity.pdf')}
          </Button>
          {activity.startDate && (
            <Button component="a" href={calendarUrl(activity.id, lang)} variant="default" data-testid="add-to-calendar">
              {t('activity.addToCalendar')}
            </Button>
          )}
        </Group>
      </Stack>
    </>
  );
}

import { Accordion, ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { LoadFailure } from '../../../components/LoadFailure';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import type { Application } from '../../applications/api';
import { StatusBadge } from '../../applications/components/StatusBadge';
import { NominationDialog, nameOf, type Nominating } from '../components/NominationDialog';
import {
  downloadDocument,
  nominationActivityKeys,
  nominationKeys,
  rankCandidates,
  useCandidates,
  useNominationActivities,
} from '../api';


/**
 * One activity's candidates from the focal point's country, to decide with the facts: each
 * nominee's dossier (profile, motivation, documents), the country's quota used and left, the
 * ranking staff see, endorsing (one or several at once) or declining with a note, each confirmed.
 */
export function NominationActivityPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const queryClient = useQueryClient();
  const candidates = useCandidates(activityId);
  const activities = useNominationActivities();
  const quota = activities.items.find((item) => item.activityId === activityId);
  const [checked, setChecked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<Nominating>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: nominationActivityKeys.all }),
      queryClient.invalidateQueries({ queryKey: nominationKeys.lists() }),
    ]);
  const rank = useMutation({
    mutationFn: (ids: string[]) => rankCandidates(activityId, ids),
    onSuccess: (ranked) => queryClient.setQueryData(nominationActivityKeys.candidates(activityId), ranked),
  });

  const back = (
    <Anchor component={Link} to="/focal/nominations" size="sm" mb="sm" display="inline-block">
      ← {t('focal.nominations.title')}
    </Anchor>
  );
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <LoadFailure back={back} error={candidates.error} notFound={t('focal.activity.notFound')} onRetry={() => void candidates.refetch()} />;
  const items = candidates.data.items;
  const first = items[0];
  const title = first ? `${first.activityTitle} (${first.activityCode})` : (quota?.activityTitle ?? '');
  const endorsable = items.filter((application) => can(application, 'endorse'));
  const move = (index: number, by: number) => {
    const ids = items.map((application) => application.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    setDone(null);
    rank.mutate(ids);
  };

  return (
    <>
      {back}
      <PageTitle title={title}>{title}</PageTitle>
      <Stack gap="lg">
        {quota && (
          <Paper withBorder p="md" component="section" aria-labelledby="quota" data-testid="quota">
            <Title order={2} size="h4" id="quota" mb="xs">
              {t('focal.activity.quotaTitle')}
            </Title>
            <Text fw={600}>{t('focal.activity.quota', { endorsed: quota.endorsed, quota: quota.quota, left: quota.left })}</Text>
            <Text size="sm" c="gray.7">
              {t('focal.activity.facts', { candidates: quota.candidates, waiting: quota.waiting })}
              {quota.applicationDeadline ? ` · ${t('focal.activity.deadline', { date: formatDate(quota.applicationDeadline) })}` : ''}
            </Text>
          </Paper>
        )}
        {done && (
          <Alert color="green" c="dark.8" role="status">
            {done}
          </Alert>
        )}
        <ErrorMessage error={rank.error ?? undefined} />
        <section aria-labelledby="candidates">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="candidates">
              {t('focal.activity.candidates', { count: items.length })}
            </Title>
            {endorsable.length > 0 && (
              <Button
                disabled={checked.length === 0}
                onClick={() => setConfirming({ kind: 'endorse', applications: items.filter((application) => checked.includes(application.id)) })}
                data-testid="endorse-checked"
              >
                {t('focal.activity.endorseChecked', { count: checked.length })}
              </Button>
            )}
          </Group>
          <Text size="sm" c="gray.7" mb="sm">
            {t('focal.activity.rankHint')}
          </Text>
          {items.length === 0 && <Text>{t('focal.activity.none')}</Text>}
          <Accordion multiple variant="separated" chevronPosition="left">
            {items.map((application, index) => (
              <Accordion.Item key={application.id} value={application.id} data-testid="candidate">
                <Group wrap="nowrap" gap="xs" pr="sm" align="center">
                  {can(application, 'endorse') ? (
                    <Checkbox
                      pl="sm"
                      aria-label={t('focal.activity.check', { name: nameOf(application) })}
                      checked={checked.includes(application.id)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setChecked((current) => (on ? [...current, application.id] : current.filter((id) => id !== application.id)));
                      }}
                    />
                  ) : (
                    <span style={{ width: 32 }} />
                  )}
                  <Accordion.Control data-testid="open-dossier">
                    <Group gap="sm" wrap="wrap">
                      {application.nominationRank !== null && (
                        <Badge variant="filled" color="trta.8" data-testid="rank">
                          {t('focal.activity.rank', { rank: application.nominationRank })}
                        </Badge>
                      )}
                      <Text fw={600}>{nameOf(application)}</Text>
                      <StatusBadge status={application.status} />
                    </Group>
                  </Accordion.Control>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    disabled={index === 0 || rank.isPending}
                    onClick={() => move(index, -1)}
                    aria-label={t('focal.activity.up', { name: nameOf(application) })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    disabled={index === items.length - 1 || rank.isPending}
                    onClick={() => move(index, 1)}
                    aria-label={t('focal.activity.down', { name: nameOf(application) })}
                  >
                    ↓
                  </ActionIcon>
                </Group>
                <Accordion.Panel>
                  <Dossier application={application} />
                  <Group mt="md">
                    {can(application, 'endorse') && (
                      <Button onClick={() => setConfirming({ kind: 'endorse', applications: [application] })} aria-label={t('focal.nominations.endorseWho', { name: nameOf(application) })}>
                        {t('focal.nominations.endorse')}
                      </Button>
                    )}
                    {can(application, 'decline') && (
                      <Button
                        color="red.9"
                        variant="outline"
                        onClick={() => setConfirming({ kind: 'decline', applications: [application] })}
                        aria-label={t('focal.nominations.declineWho', { name: nameOf(application) })}
                      >
                        {t('focal.nominations.decline')}
                      </Button>
                    )}
                  </Group>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      </Stack>
      <NominationDialog
        confirming={confirming}
        left={quota?.left ?? null}
        onClose={() => setConfirming(null)}
        onDone={async (message) => {
          setConfirming(null);
          setChecked([]);
          setDone(message);
          await refresh();
        }}
      />
    </>
  );
}

/** The nominee's dossier: their profile, their motivation and their documents. */
function Dossier({ application }: { application: Application }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (document: Application['documents'][number]) => downloadDocument(application.id, document.kind, document.filename),
  });
  const applicant = application.applicant;
  return (
    <Stack gap="sm" data-testid="dossier">
      <Facts
        cols={{ base: 1, sm: 2 }}
        spacing="xs"
        facts={[
          [t('focal.dossier.position'), [applicant.position, applicant.institution].filter(Boolean).join(', ') || '—'],
          [t('focal.dossier.institutionType'), applicant.institutionType ? t(`signUp.institutionTypes.${applicant.institutionType}`) : '—'],
          [t('focal.dossier.email'), applicant.email],
          [t('focal.dossier.submitted'), formatDate(application.submittedAt)],
        ]}
      />
      <div>
        <Text fw={600} size="sm">
          {t('focal.dossier.motivation')}
        </Text>
        <Text className="sheet-text" size="sm" data-testid="motivation">
          {application.motivation}
        </Text>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('focal.dossier.documents')}
        </Text>
        {application.documents.length === 0 ? (
          <Text size="sm">{t('focal.dossier.noDocuments')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {application.documents.map((document) => (
              <Button
                key={document.kind}
                variant="default"
                size="xs"
                onClick={() => download.mutate(document)}
              >
                {t('focal.dossier.download', { document: t(`documents.${document.kind}`), filename: document.filename })}
              </Button>
            ))}
          </SimpleGrid>
        )}
        <ErrorMessage error={download.error ?? undefined} />
      </div>
    </Stack>
  );
}

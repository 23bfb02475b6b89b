import { Alert, Anchor, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useReferenceNames } from '../../../api/reference';
import { Allowed } from '../../../components/Allowed';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { LoadFailure } from '../../../components/LoadFailure';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { saveBlob } from '../../../api/download';
import { StatusBadge } from '../../applications/components/StatusBadge';
import { downloadLetter, requestKeys, useRequest, type NationalRequest } from '../api';

/** One national request: its fields, status and decision; edit while submitted, withdraw until a decision. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const request = useRequest(id);
  const names = useReferenceNames();
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;
  const letter = useMutation({ mutationFn: async (r: NationalRequest) => saveBlob(await downloadLetter(r), r.documents[0].filename) });

  const back = (
    <Anchor component={Link} to="/focal/requests" size="sm" mb="sm" display="inline-block">
      ← {t('focal.requests.title')}
    </Anchor>
  );
  if (request.isPending) return <Loading />;
  if (request.isError) return <LoadFailure back={back} error={request.error} notFound={t('focal.request.notFound')} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const title = t('focal.request.title', { country: names.country(r.country), quarter: r.preferredQuarter });
  const facts: [string, string][] = [
    [t('focal.form.topics'), names.topics(r.topics)],
    [t('focal.form.preferredQuarter'), r.preferredQuarter],
    [t('focal.form.language'), t(`languages.${r.language}`)],
    [t('focal.form.expectedParticipants'), String(r.expectedParticipants)],
    [t('focal.requests.created'), formatDate(r.createdAt)],
  ];
  if (r.decidedAt) facts.push([t('focal.request.decidedAt'), formatDate(r.decidedAt)]);
  if (r.activityCode) facts.push([t('focal.request.activity'), r.activityCode]);

  return (
    <>
      {back}
      <PageTitle title={title}>{title}</PageTitle>
      {saved && (
        <Alert color="green" c="dark.8" mb="md" role="status">
          {t(`focal.request.${saved}`)}
        </Alert>
      )}
      <Stack gap="lg">
        <Group>
          <Text fw={600}>{t('focal.requests.status')}:</Text>
          <StatusBadge status={r.status} group="focal.requestStatus" />
        </Group>
        {r.decisionReason && (
          <Alert color={r.status === 'rejected' ? 'red' : 'blue'} c="dark.8" title={t('focal.requests.decisionReason')}>
            {r.decisionReason}
          </Alert>
        )}
        <Group>
          <Allowed record={r} action="edit">
            <Button component={Link} to={`/focal/requests/${r.id}/edit`} variant="default">
              {t('focal.request.edit')}
            </Button>
          </Allowed>
          <Allowed record={r} action="withdraw">
            <Withdraw request={r} />
          </Allowed>
        </Group>
        <Paper withBorder p="md" component="section" aria-labelledby="request-facts">
          <Title order={2} size="h4" id="request-facts" mb="sm">
            {t('focal.request.facts')}
          </Title>
          <Facts facts={facts} spacing="xs" />
        </Paper>
        {(['needsAssessment', 'expectedOutcomes', 'targetAudience'] as const).map((field) => (
          <section key={field} aria-labelledby={field}>
            <Title order={2} size="h4" id={field} mb="xs">
              {t(`focal.form.${field}`)}
            </Title>
            <Text className="sheet-text">{r[field]}</Text>
          </section>
        ))}
        <section aria-labelledby="contacts">
          <Title order={2} size="h4" id="contacts" mb="xs">
            {t('focal.form.contacts')}
          </Title>
          <List>
            {r.contacts.map((contact) => (
              <List.Item key={contact.email}>
                {contact.name}, {contact.role} — <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
              </List.Item>
            ))}
          </List>
        </section>
        {r.documents.length > 0 && (
          <section aria-labelledby="letter">
            <Title order={2} size="h4" id="letter" mb="xs">
              {t('focal.form.officialLetter')}
            </Title>
            <ErrorMessage error={letter.error ?? undefined} />
            <Button variant="default" onClick={() => letter.mutate(r)}>
              {t('focal.request.downloadLetter', { filename: r.documents[0].filename })}
            </Button>
          </section>
        )}
      </Stack>
    </>
  );
}

function Withdraw({ request }: { request: NationalRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/requests/{id}/withdraw', { params: { path: { id: request.id } } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(requestKeys.detail(request.id), updated);
      await queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      close();
    },
  });
  return (
    <>
      <Button color="red.9" variant="outline" onClick={open}>
        {t('focal.request.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('focal.request.withdrawTitle')} centered closeButtonProps={{ 'aria-label': t('focal.cancel') }}>
        <ErrorMessage error={withdraw.error ?? undefined} />
        <Text mb="md">{t('focal.request.withdrawConfirm')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('focal.cancel')}
          </Button>
          <Button color="red.9" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t('focal.request.withdrawButton')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

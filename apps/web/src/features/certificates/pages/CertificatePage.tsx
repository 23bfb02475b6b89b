import { Alert, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useCertificate } from '../api';

/** Anyone checks a certificate by its code: /certificates/TRTA-7K3QX9M2PA (the PDF prints it). */
export function CertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const verification = useCertificate(code);
  const verify = (event: FormEvent) => {
    event.preventDefault();
    if (input.trim()) navigate(`/certificates/${encodeURIComponent(input.trim())}`);
  };
  const refused = verification.error instanceof ApiError && (verification.error.status === 404 || verification.error.status === 400);

  return (
    <>
      <PageTitle>{t('certificates.title')}</PageTitle>
      <Text mb="md">{t('certificates.intro')}</Text>
      <form onSubmit={verify}>
        <Group align="flex-end" mb="lg">
          <TextInput label={t('certificates.code')} value={input} onChange={(event) => setInput(event.currentTarget.value)} placeholder="TRTA-7K3QX9M2PA" style={{ flex: '1 1 240px' }} />
          <Button type="submit">{t('certificates.verify')}</Button>
        </Group>
      </form>
      {code && verification.isPending && <Loading />}
      {refused && (
        <Alert color="red" c="dark.8" role="alert" title={t('certificates.notFound')}>
          {(verification.error as ApiError).messages.join('; ')}
        </Alert>
      )}
      {verification.isError && !refused && <ErrorMessage error={verification.error} onRetry={() => void verification.refetch()} />}
      {verification.data && (
        <Paper withBorder p="md" data-testid="certificate">
          <Alert color="green" c="dark.8" mb="md" title={t('certificates.valid')}>
            {verification.data.code}
          </Alert>
          <Facts
            cols={{ base: 1, sm: 3 }}
            facts={[
              [t('certificates.participant'), verification.data.participant ?? '—'],
              [t('certificates.activity'), `${verification.data.activity.title} (${verification.data.activity.code})`],
              [t('certificates.completedAt'), formatDate(verification.data.completedAt)],
            ]}
          />
        </Paper>
      )}
    </>
  );
}

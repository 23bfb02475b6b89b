import { Badge, Button, Divider, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../i18n';
import { Facts, type Fact } from '../../../../components/Facts';
import { formatDate, formatDateRange, formatNumber } from '../../../../components/format';
import { Loading } from '../../../../components/Loading';
import { StatusBadge } from '../../../../components/StatusBadge';
import { downloadDocument, useDossier, type Application } from '../../api';
import { RefusalAlert } from './refusals';
import { useCountryNames } from './ReviewFilters';
import { usePhone } from '../../../../components/usePhone';

export const nameOf = (application: Application): string => application.applicant.fullName ?? application.applicant.email;

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Everything staff read to decide on one application: the applicant's profile, motivation and
 * documents (each opens as a download), the focal point's endorsement and note, the decision so
 * far, earlier participations and the PLS level reached; `actions` are the application's buttons.
 */
export function DossierDrawer({ application, onClose, actions }: { application: Application | null; onClose: () => void; actions?: ReactNode }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const dossier = useDossier(application?.id ?? null);
  const countryName = useCountryNames();
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const profile: Fact[] = application
    ? [
        [t('review.dossier.email'), application.applicant.email],
        [t('review.filters.gender'), application.applicant.gender ? t(`review.genders.${application.applicant.gender}`) : '—'],
        [t('review.dossier.nationality'), application.applicant.nationality ? countryName(application.applicant.nationality) : '—'],
        [t('review.filters.country'), countryName(application.country)],
        [t('review.dossier.institutionType'), application.applicant.institutionType ? t(`signUp.institutionTypes.${application.applicant.institutionType}`) : '—'],
        [t('review.dossier.institution'), application.applicant.institution ?? '—'],
        [t('review.dossier.position'), application.applicant.position ?? '—'],
        [
          t('review.dossier.languages'),
          dossier.data ? dossier.data.languages.map((code) => LANGUAGES.find((language) => language.code === code)?.label ?? code).join(', ') || '—' : '…',
        ],
        [t('review.dossier.submittedAt'), formatDate(String(application.submittedAt).slice(0, 10))],
      ]
    : [];

  return (
    <Drawer
      opened={application !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={application ? t('review.dossier.title', { name: nameOf(application) }) : ''}
      closeButtonProps={{ 'aria-label': t('review.dossier.close') }}
    >
      {application && (
        <Stack gap="md" data-testid="dossier">
          <Group gap="xs">
            <StatusBadge status={application.status} group="application" />
            {application.waitlistPosition !== null && <Text size="sm">{t('staff.applications.position', { position: application.waitlistPosition })}</Text>}
          </Group>
          {actions}
          <section aria-labelledby="dossier-profile">
            <Title order={3} size="h5" id="dossier-profile" mb="xs">
              {t('review.dossier.profile')}
            </Title>
            <Facts facts={profile} />
          </section>
          <section aria-labelledby="dossier-motivation">
            <Title order={3} size="h5" id="dossier-motivation" mb="xs">
              {t('review.dossier.motivation')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{application.motivation || t('review.dossier.noMotivation')}</Text>
          </section>
          <section aria-labelledby="dossier-documents">
            <Title order={3} size="h5" id="dossier-documents" mb="xs">
              {t('review.dossier.documents')}
            </Title>
            <RefusalAlert error={downloadError} />
            {application.documents.length === 0 ? (
              <Text>{t('review.dossier.noDocuments')}</Text>
            ) : (
              <Group gap="xs">
                {application.documents.map((document) => (
                  <Button
                    key={document.kind}
                    variant="light"
                    size="compact-sm"
                    onClick={() => {
                      setDownloadError(null);
                      downloadDocument(application.id, document.kind, document.filename).catch(setDownloadError);
                    }}
                    aria-label={t('review.dossier.open', { document: t(`documents.${document.kind}`), filename: document.filename })}
                  >
                    {t(`documents.${document.kind}`)} · {document.filename} ({sizeOf(document.sizeBytes)})
                  </Button>
                ))}
              </Group>
            )}
          </section>
          <section aria-labelledby="dossier-nomination">
            <Title order={3} size="h5" id="dossier-nomination" mb="xs">
              {t('review.dossier.nomination')}
            </Title>
            {application.endorsedAt || application.nominationReason || dossier.data?.nominatedBy ? (
              <Facts
                facts={[
                  [t('review.dossier.nominatedBy'), dossier.data?.nominatedBy?.email ?? '—'],
                  [t('review.dossier.endorsedAt'), application.endorsedAt ? formatDate(String(application.endorsedAt).slice(0, 10)) : t('review.dossier.notEndorsed')],
                  [t('review.dossier.rank'), application.nominationRank === null ? '—' : formatNumber(application.nominationRank)],
                  [t('review.dossier.note'), application.nominationReason ?? '—'],
                ]}
              />
            ) : (
              <Text>{t('review.dossier.noNomination')}</Text>
            )}
          </section>
          {(application.decisionReason || application.decidedAt) && (
            <section aria-labelledby="dossier-decision">
              <Title order={3} size="h5" id="dossier-decision" mb="xs">
                {t('review.dossier.decision')}
              </Title>
              <Facts
                facts={[
                  [t('review.dossier.decidedAt'), application.decidedAt ? formatDate(String(application.decidedAt).slice(0, 10)) : '—'],
                  [t('staff.applications.reason'), application.decisionReason ?? '—'],
                ]}
              />
            </section>
          )}
          <Divider />
          <section aria-labelledby="dossier-earlier">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5" id="dossier-earlier">
                {t('review.dossier.earlier')}
              </Title>
              {dossier.data && (
                <Badge variant="light" c="dark.8" data-testid="pls-reached">
                  {dossier.data.plsLevelReached ? t('review.dossier.plsReached', { level: dossier.data.plsLevelReached }) : t('review.dossier.plsNone')}
                </Badge>
              )}
            </Group>
            {dossier.isPending ? (
              <Loading />
            ) : dossier.isError ? (
              <RefusalAlert error={dossier.error} />
            ) : dossier.data.participations.length === 0 ? (
              <Text>{t('review.dossier.noEarlier')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={420} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': 'dossier-earlier' } }}>
                <Table fz="sm" data-testid="earlier-participations">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('review.dossier.activity')}</Table.Th>
                      <Table.Th>{t('review.dossier.dates')}</Table.Th>
                      <Table.Th>{t('review.dossier.pls')}</Table.Th>
                      <Table.Th>{t('staff.applications.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dossier.data.participations.map((row) => (
                      <Table.Tr key={row.applicationId}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {row.activityCode}
                          </Text>
                          <Text size="xs" c="gray.7">
                            {row.activityTitle}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDateRange(row.startDate, row.endDate) || '—'}</Table.Td>
                        <Table.Td>{row.plsLevel ?? '—'}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={row.status} group="application" />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        </Stack>
      )}
    </Drawer>
  );
}

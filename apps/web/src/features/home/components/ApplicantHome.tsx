import { Anchor, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { StatusBadge } from '../../applications/components/StatusBadge';
import { useApplicantHome, type HomeApplication } from '../api';
import { HomeRow, HomeSection } from './HomeSection';
import { LatestNotifications } from './LatestNotifications';

/** What comes next for an application, in the person's words. */
function NextStep({ application }: { application: HomeApplication }) {
  const { t } = useTranslation();
  if (!application.nextStep) return null;
  return (
    <Text size="sm" component="span" data-testid="next-step" data-step={application.nextStep}>
      {t(`home.nextStep.${application.nextStep}`, {
        date: formatDate(application.activity.startDate),
        position: application.waitlistPosition ?? '',
      })}
    </Text>
  );
}

/** The applicant's home: applications under way with their next step, evaluations due, certificates. */
export function ApplicantHome() {
  const { t } = useTranslation();
  const home = useApplicantHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorMessage error={home.error} onRetry={() => void home.refetch()} />;
  const { applications, evaluationsDue, certificates } = home.data;
  const link = (application: HomeApplication) => (
    <Anchor component={Link} to={`/my/applications/${application.id}`}>
      {application.activity.title}
    </Anchor>
  );
  return (
    <Stack gap="md">
      {applications.total === 0 && certificates.total === 0 && (
        <Text>
          {t('home.applicant.start')}{' '}
          <Anchor component={Link} to="/catalogue" fw={600}>
            {t('home.applicant.findActivity')}
          </Anchor>
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <HomeSection
          title={t('home.applicant.applications')}
          total={applications.total}
          shown={applications.items.length}
          empty={t('home.applicant.noApplications')}
          link="/my/applications"
          linkLabel={t('home.applicant.allApplications')}
          testId="home-applications"
        >
          {applications.items.map((application) => (
            <HomeRow
              key={application.id}
              testId="home-application"
              title={link(application)}
              details={
                <>
                  {application.activity.code}
                  {application.activity.startDate ? ` · ${t('home.starts', { date: formatDate(application.activity.startDate) })}` : ''}
                  <br />
                  <NextStep application={application} />
                </>
              }
              side={<StatusBadge status={application.status} />}
            />
          ))}
        </HomeSection>
        <Stack gap="md">
          <HomeSection
            title={t('home.applicant.evaluationsDue')}
            total={evaluationsDue.total}
            shown={evaluationsDue.items.length}
            empty={t('home.applicant.noEvaluations')}
            link="/my/applications"
            linkLabel={t('home.applicant.allApplications')}
            alwaysLink={false}
            testId="home-evaluations"
          >
            {evaluationsDue.items.map((application) => (
              <HomeRow
                key={application.id}
                testId="home-evaluation"
                title={application.activity.title}
                details={application.activity.code}
                side={
                  <Button component={Link} to={`/my/applications/${application.id}`} size="compact-sm" variant="light" aria-label={t('home.applicant.evaluateOne', { title: application.activity.title })}>
                    {t('home.applicant.evaluate')}
                  </Button>
                }
              />
            ))}
          </HomeSection>
          <HomeSection
            title={t('home.applicant.certificates')}
            total={certificates.total}
            shown={certificates.items.length}
            empty={t('home.applicant.noCertificates')}
            link="/my/applications"
            linkLabel={t('home.applicant.allApplications')}
            alwaysLink={false}
            testId="home-certificates"
          >
            {certificates.items.map((application) => (
              <HomeRow
                key={application.id}
                testId="home-certificate"
                title={link(application)}
                details={t('home.applicant.certificateDetails', { code: application.certificateCode ?? '', date: formatDate(application.completedAt) })}
              />
            ))}
          </HomeSection>
        </Stack>
      </SimpleGrid>
      <LatestNotifications />
    </Stack>
  );
}

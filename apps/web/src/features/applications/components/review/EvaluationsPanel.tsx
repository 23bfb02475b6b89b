import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, fieldErrors } from '../../../../api/errors';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { useDirtyParts } from '../../../../components/UnsavedChanges';
import { Facts } from '../../../../components/Facts';
import { formatNumber } from '../../../../components/format';
import { LoadMore } from '../../../../components/LoadMore';
import { Loading } from '../../../../components/Loading';
import { notifySuccess } from '../../../../components/notify';
import { reviewKeys, saveTestScores, useActivityEvaluations, useEvaluationResults, type ActivityEvaluation } from '../../api';

const SCORE_FIELDS = ['preTestScore', 'postTestScore'] as const;

/**
 * The activity's evaluations for staff: the results (responses against participants, the means,
 * the learning gain), then each participant's answers, where staff enter the pre- and post-test
 * scores (the participant never types them; 0 to 100, and the server refuses anything else).
 */
export function EvaluationsPanel({ activityId, onDirty }: { activityId: string; onDirty: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const results = useEvaluationResults(activityId);
  const list = useActivityEvaluations(activityId);
  // Rows with scores typed and not saved: the page warns before they are lost.
  const [dirty, report] = useDirtyParts();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const score = (mean: number | null | undefined) => (mean === null || mean === undefined ? '—' : t('review.evaluations.outOfFive', { mean: formatNumber(mean, { maximumFractionDigits: 2 }) }));
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('review.evaluations.results')}
        </Title>
        {results.isPending && <Loading />}
        {results.isError && <ErrorMessage error={results.error} onRetry={() => void results.refetch()} />}
        {results.data && (
          <Facts
            data-testid="evaluation-results"
            cols={{ base: 1, xs: 2, md: 4 }}
            facts={[
              [t('review.evaluations.responses'), t('review.evaluations.responsesOf', { responses: results.data.responses, participations: results.data.participations })],
              [t('review.evaluations.satisfaction'), score(results.data.satisfaction.mean)],
              [t('review.evaluations.relevance'), score(results.data.relevance.mean)],
              [
                t('review.evaluations.learningGain'),
                results.data.learningGain === null
                  ? '—'
                  : t('review.evaluations.points', { points: formatNumber(results.data.learningGain, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }), count: results.data.learningGainResponses }),
              ],
            ]}
          />
        )}
      </Paper>
      <Title order={2} size="h4">
        {t('review.evaluations.answers')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('review.evaluations.scoresHelp')}
      </Text>
      {list.isPending && <Loading />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.count === 0 && <Text>{t('review.evaluations.none')}</Text>}
      {list.isSuccess && list.count > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="sm" data-testid="evaluations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('review.evaluations.participant')}</Table.Th>
                <Table.Th>{t('review.evaluations.satisfaction')}</Table.Th>
                <Table.Th>{t('review.evaluations.relevance')}</Table.Th>
                <Table.Th>{t('review.evaluations.comments')}</Table.Th>
                <Table.Th>{t('review.evaluations.scores')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((evaluation) => (
                <EvaluationRow key={evaluation.applicationId} activityId={activityId} evaluation={evaluation} onDirty={report} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={list} />
    </Stack>
  );
}

type Scores = Record<(typeof SCORE_FIELDS)[number], number | string>;

/** One participant's answers and the two test scores, saved on their own. */
function EvaluationRow({ activityId, evaluation, onDirty }: { activityId: string; evaluation: ActivityEvaluation; onDirty: (id: string, dirty: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved: Scores = { preTestScore: evaluation.preTestScore ?? '', postTestScore: evaluation.postTestScore ?? '' };
  const [scores, setScores] = useState<Scores>(saved);
  const dirty = SCORE_FIELDS.some((field) => String(scores[field]) !== String(saved[field]));
  const id = evaluation.applicationId;
  useEffect(() => onDirty(id, dirty), [id, dirty, onDirty]);
  useEffect(() => () => onDirty(id, false), [id, onDirty]);

  const save = useMutation({
    mutationFn: () =>
      saveTestScores(id, {
        preTestScore: scores.preTestScore === '' ? null : Number(scores.preTestScore),
        postTestScore: scores.postTestScore === '' ? null : Number(scores.postTestScore),
      }),
    onSuccess: async () => {
      notifySuccess(t('review.evaluations.saved', { name: evaluation.fullName ?? '—' }), t('common.close'));
      await queryClient.invalidateQueries({ queryKey: reviewKeys.evaluations(activityId) });
    },
  });
  const errors = fieldErrors(save.error, SCORE_FIELDS);
  const name = evaluation.fullName ?? t('review.evaluations.erased');
  return (
    <Table.Tr data-testid={`evaluation-${id}`}>
      <Table.Td>
        <Text fw={500}>{name}</Text>
        <Text size="sm" c="gray.7">
          {countryName(evaluation.country)}
        </Text>
      </Table.Td>
      <Table.Td>{t('review.evaluations.outOfFive', { mean: formatNumber(evaluation.satisfaction) })}</Table.Td>
      <Table.Td>{t('review.evaluations.outOfFive', { mean: formatNumber(evaluation.relevance) })}</Table.Td>
      <Table.Td maw={260}>
        <Text size="sm" lineClamp={3} title={evaluation.comments ?? undefined}>
          {evaluation.comments ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            {SCORE_FIELDS.map((field) => (
              <NumberInput
                key={field}
                w={110}
                label={t(`review.evaluations.${field}`)}
                aria-label={t(`review.evaluations.${field}Of`, { name })}
                value={scores[field]}
                onChange={(value) => setScores((current) => ({ ...current, [field]: value }))}
                min={0}
                max={100}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={errors.fields[field]}
              />
            ))}
            <Button type="submit" mt={25} variant={dirty ? 'filled' : 'default'} disabled={!dirty} loading={save.isPending} aria-label={t('review.evaluations.saveOf', { name })}>
              {t('review.evaluations.save')}
            </Button>
          </Group>
          {errors.form.length > 0 && <ErrorMessage error={save.error} messages={errors.form} />}
        </form>
      </Table.Td>
    </Table.Tr>
  );
}

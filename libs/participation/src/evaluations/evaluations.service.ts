import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type FieldMap, queryRows, selectList } from '@trta/database';
import { ApplicationRefusals } from '@trta/applications';
import { decodeCursor, DomainException, PageQueryDto, toPage, type AuthUser, type Page } from '@trta/http';
import { ParticipationRefusals as R } from '../participation.refusals';
import { ATTENDED_STATUSES } from '../participants/participants.dto';
import { applicationFor } from '../shared/application-access';
import { ActivityEvaluationResultsView, ActivityEvaluationView, EvaluationDto, EvaluationView, FollowUpDto, TestScoresDto } from './evaluations.dto';
import { scoreCountsSql, scoreMeanSql, scoreResults } from './score-distribution';

/** The one spelling of the evaluations table's columns, for RETURNING (or `SELECT ... FROM evaluations`). */
export const EVALUATION_FIELDS: FieldMap<EvaluationView> = {
  applicationId: 'application_id',
  satisfaction: 'satisfaction',
  relevance: 'relevance',
  preTestScore: 'pre_test_score',
  postTestScore: 'post_test_score',
  comments: 'comments',
  appliedInWork: 'applied_in_work',
  followUpComments: 'follow_up_comments',
  followUpAt: 'follow_up_at',
  enteredBy: 'entered_by',
  submittedAt: 'submitted_at',
};

const EVALUATION_COLUMNS = selectList(EVALUATION_FIELDS);

/**
 * Inserts the one evaluation of an attended (or completed) application; null when the
 * application has one already or is not attended. Shared with the registration of participants.
 */
export async function insertEvaluation(
  manager: EntityManager,
  applicationId: string,
  dto: EvaluationDto,
  enteredBy: string | null,
): Promise<EvaluationView | null> {
  const [created] = await queryRows(
    manager,
    EVALUATION_FIELDS,
    `INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score, comments, entered_by)
     SELECT ap.id, $2, $3, $4, $5, $6, $7 FROM applications ap WHERE ap.id = $1 AND ap.status = ANY($8)
     ON CONFLICT (application_id) DO NOTHING RETURNING ${EVALUATION_COLUMNS}`,
    [
      applicationId,
      dto.satisfaction,
      dto.relevance,
      dto.preTestScore ?? null,
      dto.postTestScore ?? null,
      dto.comments ?? null,
      enteredBy,
      ATTENDED_STATUSES,
    ],
  );
  return created ?? null;
}

interface ResultsRow {
  participations: number;
  responses: number;
  responseRate: string | null;
  satisfactionMean: string | null;
  relevanceMean: string | null;
  satisfaction: number[];
  relevance: number[];
  learningGain: string | null;
  learningGainResponses: number;
  yes: number;
  no: number;
  unanswered: number;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));


@Injectable()
export class EvaluationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The participant's own evaluation once they attended, or a paper form staff type in (then
   * `enteredBy` is theirs). One per application: a second is a 409.
   */
  async submit(applicationId: string, dto: EvaluationDto, user: AuthUser): Promise<EvaluationView> {
    const application = await applicationFor(this.dataSource.manager, applicationId, user);
    if (user.role === 'applicant' && (dto.preTestScore !== undefined || dto.postTestScore !== undefined)) {
      throw new DomainException(R.TEST_SCORES_BY_STAFF, 'preTestScore, postTestScore: test scores are entered by staff or come from the test, not from the participant');
    }
    const enteredBy = user.role === 'applicant' ? null : user.id;
    const created = await insertEvaluation(this.dataSource.manager, applicationId, dto, enteredBy);
    if (created) return created;
    const [existing] = (await this.dataSource.query('SELECT 1 FROM evaluations WHERE application_id = $1', [applicationId])) as unknown[];
    if (existing) throw new DomainException(R.EVALUATION_EXISTS, `application ${applicationId} already has its evaluation`);
    const [current] = (await this.dataSource.query('SELECT status FROM applications WHERE id = $1', [applicationId])) as { status: string }[];
    throw new DomainException(
      R.EVALUATION_NOT_ALLOWED,
      `application ${applicationId} is ${current?.status ?? application.status}; an evaluation is submitted once it is ${ATTENDED_STATUSES.join(' or ')}`,
      { status: current?.status ?? application.status, allowedFrom: [...ATTENDED_STATUSES] },
      { currentStatus: current?.status ?? application.status, allowedStatuses: ATTENDED_STATUSES },
    );
  }

  /** Staff enter (or correct) the test scores of an evaluation; out of 0-100 is a 400, never clamped. */
  async testScores(applicationId: string, dto: TestScoresDto, user: AuthUser): Promise<EvaluationView> {
    await applicationFor(this.dataSource.manager, applicationId, user);
    const [updated] = await queryRows(
      this.dataSource.manager,
      EVALUATION_FIELDS,
      `UPDATE evaluations SET pre_test_score = CASE WHEN $2 THEN $3::smallint ELSE pre_test_score END,
         post_test_score = CASE WHEN $4 THEN $5::smallint ELSE post_test_score END
       WHERE application_id = $1 RETURNING ${EVALUATION_COLUMNS}`,
      [applicationId, dto.preTestScore !== undefined, dto.preTestScore ?? null, dto.postTestScore !== undefined, dto.postTestScore ?? null],
    );
    if (!updated) {
      throw new DomainException(R.EVALUATION_MISSING, `application ${applicationId} has no evaluation yet; enter the paper form (POST .../evaluation) with the scores`);
    }
    return updated;
  }

  /**
   * The later follow-up answer, by the participant, once the question was asked (the follow-up
   * message, months after the activity); it may be changed while they remember better.
   */
  async followUp(applicationId: string, dto: FollowUpDto, user: AuthUser): Promise<EvaluationView> {
    const application = await applicationFor(this.dataSource.manager, applicationId, user);
    if (application.applicantId !== user.id) {
      throw new DomainException(ApplicationRefusals.APPLICATION_NOT_FOUND, `Application ${applicationId} not found`, { applicationId });
    }
    const [asked] = (await this.dataSource.query(`SELECT 1 FROM notifications WHERE application_id = $1 AND kind = 'evaluation.follow_up'`, [applicationId])) as unknown[];
    const [evaluated] = (await this.dataSource.query('SELECT 1 FROM evaluations WHERE application_id = $1', [applicationId])) as unknown[];
    if (evaluated && !asked) {
      throw new DomainException(R.FOLLOW_UP_NOT_DUE, `application ${applicationId}: the follow-up question is asked months after the activity, by a message with the link to answer it`);
    }
    const [updated] = await queryRows(
      this.dataSource.manager,
      EVALUATION_FIELDS,
      `UPDATE evaluations SET applied_in_work = $2, follow_up_comments = $3, follow_up_at = now()
       WHERE application_id = $1 RETURNING ${EVALUATION_COLUMNS}`,
      [applicationId, dto.appliedInWork, dto.comments ?? null],
    );
    if (!updated) {
      throw new DomainException(R.EVALUATION_MISSING, `application ${applicationId} has no evaluation yet; submit the evaluation before the follow-up`);
    }
    return updated;
  }

  /** An applicant's erasure: their free-text answers go, the scores the audit counts stay. In the caller's transaction. */
  async eraseComments(manager: EntityManager, applicantId: string): Promise<void> {
    await manager.query(
      `UPDATE evaluations SET comments = NULL, follow_up_comments = NULL WHERE application_id IN (SELECT id FROM applications WHERE applicant_id = $1)`,
      [applicantId],
    );
  }

  /**
   * The evaluations of an activity, a page at a time, by the participant's name: what staff read
   * and where they enter each participant's test scores.
   */
  async ofActivity(activityId: string, query: PageQueryDto): Promise<Page<ActivityEvaluationView>> {
    await this.activityCode(activityId);
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = (await this.dataSource.query(
      `SELECT ${selectList(EVALUATION_FIELDS, 'e')}, p.full_name AS "fullName", ap.country,
         lower(coalesce(p.full_name, '')) AS "sortName"
       FROM evaluations e JOIN applications ap ON ap.id = e.application_id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE ap.activity_id = $1 AND ($2::text IS NULL OR (lower(coalesce(p.full_name, '')), e.application_id) > ($2::text, $3::uuid))
       ORDER BY lower(coalesce(p.full_name, '')), e.application_id
       LIMIT $4`,
      [activityId, after ? String(after[0]) : null, after ? String(after[1]) : null, query.limit + 1],
    )) as (ActivityEvaluationView & { sortName: string })[];
    const page = toPage(rows, query.limit, (row) => [row.sortName, row.applicationId]);
    return { ...page, items: page.items.map(({ sortName: _sortName, ...evaluation }) => evaluation) };
  }

  private async activityCode(activityId: string): Promise<string> {
    const [activity] = (await this.dataSource.query('SELECT code FROM activities WHERE id = $1', [activityId])) as { code: string }[];
    if (!activity) throw new DomainException(ApplicationRefusals.ACTIVITY_NOT_FOUND, `Activity ${activityId} not found`, { activityId });
    return activity.code;
  }

  /** Per-activity results, counted by PostgreSQL; the rate and learning gain rounded to 2 decimals, score means as every report rounds them. */
  async results(activityId: string): Promise<ActivityEvaluationResultsView> {
    const activityCode = await this.activityCode(activityId);
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ap.status IN ('attended', 'completed'))::int AS participations,
         count(e.application_id)::int AS responses,
         round(count(e.application_id)::numeric / nullif(count(*) FILTER (WHERE ap.status IN ('attended', 'completed')), 0), 2)::text AS "responseRate",
         ${scoreMeanSql('e.satisfaction')} AS "satisfactionMean",
         ${scoreMeanSql('e.relevance')} AS "relevanceMean",
         ${scoreCountsSql('e.satisfaction')} AS satisfaction,
         ${scoreCountsSql('e.relevance')} AS relevance,
         round(avg(e.post_test_score - e.pre_test_score), 2)::text AS "learningGain",
         count(e.post_test_score - e.pre_test_score)::int AS "learningGainResponses",
         count(*) FILTER (WHERE e.applied_in_work)::int AS yes,
         count(*) FILTER (WHERE NOT e.applied_in_work)::int AS no,
         count(*) FILTER (WHERE e.application_id IS NOT NULL AND e.applied_in_work IS NULL)::int AS unanswered
       FROM applications ap
       LEFT JOIN evaluations e ON e.application_id = ap.id AND ap.status IN ('attended', 'completed')
       WHERE ap.activity_id = $1`,
      [activityId],
    )) as ResultsRow[];
    return {
      activityId,
      activityCode,
      responses: row.responses,
      participations: row.participations,
      responseRate: toNumber(row.responseRate),
      satisfaction: scoreResults(row.satisfactionMean, row.satisfaction),
      relevance: scoreResults(row.relevanceMean, row.relevance),
      learningGain: toNumber(row.learningGain),
      learningGainResponses: row.learningGainResponses,
      appliedInWork: { yes: row.yes, no: row.no, unanswered: row.unanswered },
    };
  }
}

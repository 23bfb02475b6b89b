import type { Role } from '@trta/http';
import { NotificationsProcessor } from '../libs/notifications/src/notifications.processor';
import { activityCode, currentPlanWithProduct, day, insertActivity, type PlanAndProduct } from './support/activity-fixtures';
import { signedIn } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { refused } from './support/refusals';

const round2 = (value: number) => Math.round(value * 100) / 100;

describe('evaluations', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let staffId: string;
  let plan: PlanAndProduct;
  let codeCounter = 0;
  const planYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await createTestApp({ FOLLOW_UP_AFTER_DAYS: '5', PUBLIC_URL: 'https://trta.example.org' });
    for (const role of ['admin', 'auditor', 'focal_point', 'applicant'] as Role[]) tokens[role] = (await signedIn(t, role)).token;
    const staff = await signedIn(t, 'staff');
    tokens.staff = staff.token;
    staffId = staff.id;
    plan = await currentPlanWithProduct(t);
  });
  afterAll(() => t.close());

  /** A delivered e-learning course that ended ten days ago. */
  const activity = () =>
    insertActivity(t, plan, {
      code: activityCode(planYear, 9000 + ++codeCounter),
      title: 'E-learning course on trade in services',
      deliveryMode: 'e_learning',
      capacity: 100,
      budgetPlanned: '0.00',
      status: 'delivered',
      startDate: day(-40),
      endDate: day(-10),
    });

  /** An applicant (signed in) with an application in `status`, by SQL. */
  async function participant(activityId: string, status = 'attended'): Promise<{ id: string; token: string; applicationId: string }> {
    const who = await signedIn(t, 'applicant');
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO applications (activity_id, applicant_id, country, status, certificate_code)
       VALUES ($1, $2, 'SEN', $3, CASE WHEN $3 = 'completed' THEN 'TRTA-' || upper(substr(md5(random()::text), 1, 10)) END) RETURNING id`,
      [activityId, who.id, status],
    );
    return { ...who, applicationId: id };
  }

  const send = (token: string | undefined, method: 'post' | 'patch', path: string, body: Record<string, unknown>) => {
    const request = t.http[method](path);
    return (token ? request.auth(token, { type: 'bearer' }) : request).send(body);
  };
  const evaluate = (token: string | undefined, applicationId: string, body: Record<string, unknown>) =>
    send(token, 'post', `/api/applications/${applicationId}/evaluation`, body);
  const testScores = (token: string | undefined, applicationId: string, body: Record<string, unknown>) => {
    const request = t.http.put(`/api/applications/${applicationId}/evaluation/test-scores`);
    return (token ? request.auth(token, { type: 'bearer' }) : request).send(body);
  };
  /** The worker's daily job, its follow-up part: asks those whose activity ended FOLLOW_UP_AFTER_DAYS ago. */
  const askFollowUps = async () => {
    if (t.workers.length === 0) await t.startWorker();
    return t.workers[0].get(NotificationsProcessor).queueFollowUps();
  };
  const followUp = (token: string | undefined, applicationId: string, body: Record<string, unknown>) =>
    send(token, 'patch', `/api/applications/${applicationId}/evaluation/follow-up`, body);

  describe('submission', () => {
    it('takes the participant’s own evaluation once they attended, once only; the test scores are staff’s', async () => {
      const { id } = await activity();
      const person = await participant(id, 'attended');
      await testScores(tokens.staff, person.applicationId, { preTestScore: 35 }).expect(refused(409, 'EVALUATION_MISSING'));
      const typed = await evaluate(person.token, person.applicationId, { satisfaction: 5, relevance: 4, preTestScore: 35, postTestScore: 80 }).expect(
        refused(403, 'TEST_SCORES_BY_STAFF'),
      );
      expect(typed.body.message).toContain('entered by staff');
      await evaluate(person.token, person.applicationId, { satisfaction: 5, relevance: 4, comments: 'Great' }).expect(201);
      const scored = await testScores(tokens.staff, person.applicationId, { preTestScore: 35, postTestScore: 80 }).expect(200);
      expect(scored.body).toMatchObject({ preTestScore: 35, postTestScore: 80, satisfaction: 5 });
      // Out of range is refused, never clamped to 100.
      const tooHigh = await testScores(tokens.staff, person.applicationId, { postTestScore: 150 }).expect(refused(400, 'VALIDATION_FAILED'));
      expect(JSON.stringify(tooHigh.body.message)).toContain('postTestScore must be a whole number from 0 to 100');
      await testScores(tokens.staff, person.applicationId, { preTestScore: -1 }).expect(refused(400, 'VALIDATION_FAILED'));
      await testScores(person.token, person.applicationId, { postTestScore: 90 }).expect(refused(403, 'FORBIDDEN'));
      const response = { body: (await t.dataSource.query(
        `SELECT application_id AS "applicationId", satisfaction, relevance, pre_test_score AS "preTestScore", post_test_score AS "postTestScore", comments,
           applied_in_work AS "appliedInWork", entered_by AS "enteredBy" FROM evaluations WHERE application_id = $1`,
        [person.applicationId],
      ))[0] };
      expect(response.body).toMatchObject({
        applicationId: person.applicationId,
        satisfaction: 5,
        relevance: 4,
        preTestScore: 35,
        postTestScore: 80,
        comments: 'Great',
        appliedInWork: null,
        enteredBy: null,
      });
      const again = await evaluate(person.token, person.applicationId, { satisfaction: 1, relevance: 1 }).expect(refused(409, 'EVALUATION_EXISTS'));
      expect(again.body.message).toContain('already has its evaluation');
      const completed = await participant(id, 'completed');
      await evaluate(completed.token, completed.applicationId, { satisfaction: 3, relevance: 3 }).expect(201);
    });

    it('refuses an evaluation before attending', async () => {
      const { id } = await activity();
      for (const status of ['submitted', 'selected', 'no_show', 'rejected']) {
        const person = await participant(id, status);
        const response = await evaluate(person.token, person.applicationId, { satisfaction: 4, relevance: 4 }).expect(refused(409, 'EVALUATION_NOT_ALLOWED'));
        expect(response.body).toMatchObject({ currentStatus: status, allowedStatuses: ['attended', 'completed'] });
      }
    });

    it('takes a paper form typed in by staff, recording who entered it', async () => {
      const { id } = await activity();
      const person = await participant(id, 'completed');
      const response = await evaluate(tokens.staff, person.applicationId, { satisfaction: 2, relevance: 3 }).expect(201);
      expect(response.body).toMatchObject({ enteredBy: staffId, preTestScore: null, postTestScore: null, comments: null });
      // The participant cannot add a second one.
      await evaluate(person.token, person.applicationId, { satisfaction: 5, relevance: 5 }).expect(refused(409, 'EVALUATION_EXISTS'));
    });

    it('hides other people’s applications and refuses roles that may not write', async () => {
      const { id } = await activity();
      const person = await participant(id, 'attended');
      const other = await evaluate(tokens.applicant, person.applicationId, { satisfaction: 4, relevance: 4 }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      expect(other.body.message).toBe(`Application ${person.applicationId} not found`);
      await evaluate(tokens.auditor, person.applicationId, { satisfaction: 4, relevance: 4 }).expect(refused(403, 'FORBIDDEN'));
      await evaluate(tokens.focal_point, person.applicationId, { satisfaction: 4, relevance: 4 }).expect(refused(403, 'FORBIDDEN'));
      await evaluate(undefined, person.applicationId, { satisfaction: 4, relevance: 4 }).expect(refused(401, 'UNAUTHORIZED'));
      await evaluate(tokens.staff, '00000000-0000-4000-8000-000000000000', { satisfaction: 4, relevance: 4 }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM evaluations WHERE application_id = $1', [person.applicationId]);
      expect(count).toBe(0);
    });

    it('refuses bad input with 400 listing the fields', async () => {
      const { id } = await activity();
      const person = await participant(id, 'attended');
      const response = await evaluate(person.token, person.applicationId, {
        satisfaction: 6,
        relevance: 0,
        preTestScore: -1,
        postTestScore: 101,
        comments: 'x'.repeat(5001),
        extra: 1,
      }).expect(refused(400, 'VALIDATION_FAILED'));
      const text = (response.body.message as string[]).join('\n');
      for (const field of ['satisfaction', 'relevance', 'preTestScore', 'postTestScore', 'comments', 'property extra should not exist']) expect(text).toContain(field);
      await evaluate(person.token, person.applicationId, { satisfaction: 4 }).expect(refused(400, 'VALIDATION_FAILED'));
      await evaluate(person.token, person.applicationId, { satisfaction: '4', relevance: 4 }).expect(refused(400, 'VALIDATION_FAILED'));
      await evaluate(person.token, person.applicationId, { satisfaction: 3.5, relevance: 4 }).expect(refused(400, 'VALIDATION_FAILED'));
      await evaluate(person.token, 'not-a-uuid', { satisfaction: 4, relevance: 4 }).expect(refused(400, 'VALIDATION_FAILED'));
    });
  });

  describe('follow-up', () => {
    it('is asked months after the activity by a message with a link, then answered by the participant, and may be revised', async () => {
      const { id } = await activity();
      const person = await participant(id, 'completed');
      const early = await followUp(person.token, person.applicationId, { appliedInWork: true }).expect(refused(409, 'EVALUATION_MISSING'));
      expect(early.body.message).toContain('has no evaluation yet');
      await evaluate(tokens.staff, person.applicationId, { satisfaction: 4, relevance: 5 }).expect(201);
      // Not right after the evaluation: the question comes with the follow-up message.
      await followUp(person.token, person.applicationId, { appliedInWork: true }).expect(refused(409, 'FOLLOW_UP_NOT_DUE'));
      let view = await t.http.get(`/api/applications/${person.applicationId}`).auth(person.token, { type: 'bearer' }).expect(200);
      expect(view.body.allowedActions).not.toContain('follow-up');
      // An activity that ended two days ago is not asked yet (FOLLOW_UP_AFTER_DAYS is 5 here).
      const recent = await insertActivity(t, plan, {
        code: activityCode(planYear, 9500 + ++codeCounter), title: 'Recent course', deliveryMode: 'e_learning', capacity: 10, budgetPlanned: '0.00',
        status: 'delivered', startDate: day(-4), endDate: day(-2),
      });
      const recentPerson = await participant(recent.id, 'attended');
      await evaluate(recentPerson.token, recentPerson.applicationId, { satisfaction: 3, relevance: 3 }).expect(201);
      await askFollowUps();
      const messages = await t.dataSource.query(`SELECT application_id AS "applicationId", body FROM notifications WHERE kind = 'evaluation.follow_up'`);
      const mine = messages.filter((message: { applicationId: string }) => message.applicationId === person.applicationId);
      expect(mine).toHaveLength(1);
      expect(mine[0].body).toContain(`https://trta.example.org/my/applications/${person.applicationId}#follow-up`);
      expect(messages.some((message: { applicationId: string }) => message.applicationId === recentPerson.applicationId)).toBe(false);
      // Asked once only.
      await askFollowUps();
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE kind = 'evaluation.follow_up' AND application_id = $1`, [person.applicationId]);
      expect(count).toBe(1);
      view = await t.http.get(`/api/applications/${person.applicationId}`).auth(person.token, { type: 'bearer' }).expect(200);
      expect(view.body).toMatchObject({ nextStep: 'answer_follow_up', allowedActions: expect.arrayContaining(['follow-up']) });
      const response = await followUp(person.token, person.applicationId, { appliedInWork: true, comments: 'Drafted a new regulation' }).expect(200);
      expect(response.body).toMatchObject({ appliedInWork: true, followUpComments: 'Drafted a new regulation', followUpAt: expect.any(String), satisfaction: 4 });
      const revised = await followUp(person.token, person.applicationId, { appliedInWork: false }).expect(200);
      expect(revised.body).toMatchObject({ appliedInWork: false, followUpComments: null });
    });

    it('belongs to the participant alone', async () => {
      const { id } = await activity();
      const person = await participant(id, 'attended');
      await evaluate(person.token, person.applicationId, { satisfaction: 4, relevance: 5 }).expect(201);
      await askFollowUps();
      await followUp(tokens.applicant, person.applicationId, { appliedInWork: true }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      await followUp(tokens.admin, person.applicationId, { appliedInWork: true }).expect(refused(404, 'APPLICATION_NOT_FOUND'));
      for (const role of ['staff', 'auditor', 'focal_point'] as Role[]) await followUp(tokens[role], person.applicationId, { appliedInWork: true }).expect(refused(403, 'FORBIDDEN'));
      await followUp(undefined, person.applicationId, { appliedInWork: true }).expect(refused(401, 'UNAUTHORIZED'));
      await followUp(person.token, person.applicationId, { appliedInWork: 'yes' }).expect(refused(400, 'VALIDATION_FAILED'));
      await followUp(person.token, person.applicationId, {}).expect(refused(400, 'VALIDATION_FAILED'));
      const [row] = await t.dataSource.query('SELECT applied_in_work AS "appliedInWork" FROM evaluations WHERE application_id = $1', [person.applicationId]);
      expect(row.appliedInWork).toBeNull();
    });
  });

  describe('per-activity results', () => {
    it('counts responses, rates, means, distributions, learning gain and follow-ups', async () => {
      const { id, code } = await activity();
      // [status, evaluation?: [satisfaction, relevance, pre, post, appliedInWork]]
      const plan: [string, [number, number, number | null, number | null, boolean | null] | null][] = [
        ['completed', [5, 4, 40, 85, true]],
        ['completed', [4, 4, 55, 70, false]],
        ['attended', [3, 5, null, 60, null]],
        ['attended', [5, 2, 20, 21, true]],
        ['completed', [1, 3, 90, 70, null]],
        ['attended', null],
        ['completed', null],
        ['selected', null],
        ['no_show', null],
        ['rejected', null],
      ];
      const answers: [{ token: string; applicationId: string }, boolean][] = [];
      for (const [status, evaluation] of plan) {
        const person = await participant(id, status);
        if (!evaluation) continue;
        const [satisfaction, relevance, pre, post, applied] = evaluation;
        await evaluate(person.token, person.applicationId, { satisfaction, relevance }).expect(201);
        const scores: Record<string, unknown> = {};
        if (pre !== null) scores.preTestScore = pre;
        if (post !== null) scores.postTestScore = post;
        await testScores(tokens.staff, person.applicationId, scores).expect(200);
        if (applied !== null) answers.push([person, applied]);
      }
      await askFollowUps();
      for (const [person, applied] of answers) await followUp(person.token, person.applicationId, { appliedInWork: applied }).expect(200);
      // Another activity's evaluations never count here.
      const elsewhere = await activity();
      const outsider = await participant(elsewhere.id, 'attended');
      await evaluate(tokens.staff, outsider.applicationId, { satisfaction: 1, relevance: 1, preTestScore: 0, postTestScore: 100 }).expect(201);

      const evaluations = plan.map(([, evaluation]) => evaluation).filter((evaluation) => evaluation !== null);
      const participations = plan.filter(([status]) => status === 'attended' || status === 'completed').length;
      const mean = (values: number[]) => round2(values.reduce((sum, value) => sum + value, 0) / values.length);
      const distribution = (values: number[]) => Object.fromEntries([1, 2, 3, 4, 5].map((score) => [String(score), values.filter((value) => value === score).length]));
      const satisfaction = evaluations.map((evaluation) => evaluation[0]);
      const relevance = evaluations.map((evaluation) => evaluation[1]);
      const gains = evaluations.filter((evaluation) => evaluation[2] !== null && evaluation[3] !== null).map((evaluation) => evaluation[3]! - evaluation[2]!);
      const expected = {
        activityId: id,
        activityCode: code,
        responses: evaluations.length,
        participations,
        responseRate: round2(evaluations.length / participations),
        satisfaction: { mean: mean(satisfaction), distribution: distribution(satisfaction) },
        relevance: { mean: mean(relevance), distribution: distribution(relevance) },
        learningGain: mean(gains),
        learningGainResponses: gains.length,
        appliedInWork: {
          yes: evaluations.filter((evaluation) => evaluation[4] === true).length,
          no: evaluations.filter((evaluation) => evaluation[4] === false).length,
          unanswered: evaluations.filter((evaluation) => evaluation[4] === null).length,
        },
      };
      // Spelled out once, so a mistake in the helpers above cannot hide one in the endpoint.
      expect(expected).toMatchObject({ responses: 5, participations: 7, responseRate: 0.71, satisfaction: { mean: 3.6 }, relevance: { mean: 3.6 }, learningGain: 10.25 });

      for (const role of ['staff', 'auditor', 'admin'] as Role[]) {
        const response = await t.http.get(`/api/activities/${id}/evaluations`).auth(tokens[role], { type: 'bearer' }).expect(200);
        expect(response.body).toStrictEqual(expected);
      }
    });

    it('answers with empty results for an activity without participants', async () => {
      const { id, code } = await activity();
      const response = await t.http.get(`/api/activities/${id}/evaluations`).auth(tokens.staff, { type: 'bearer' }).expect(200);
      const zero = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      expect(response.body).toStrictEqual({
        activityId: id,
        activityCode: code,
        responses: 0,
        participations: 0,
        responseRate: null,
        satisfaction: { mean: null, distribution: zero },
        relevance: { mean: null, distribution: zero },
        learningGain: null,
        learningGainResponses: 0,
        appliedInWork: { yes: 0, no: 0, unanswered: 0 },
      });
    });

    it('is for staff and auditors', async () => {
      const { id } = await activity();
      await t.http.get(`/api/activities/${id}/evaluations`).auth(tokens.applicant, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
      await t.http.get(`/api/activities/${id}/evaluations`).auth(tokens.focal_point, { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
      await t.http.get(`/api/activities/${id}/evaluations`).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.get('/api/activities/00000000-0000-4000-8000-000000000000/evaluations').auth(tokens.staff, { type: 'bearer' }).expect(refused(404, 'ACTIVITY_NOT_FOUND'));
      await t.http.get('/api/activities/x/evaluations').auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
    });
  });

  describe('the responses list (where staff enter test scores)', () => {
    it('lists every evaluation of the activity with its participant, by name, a page at a time', async () => {
      const { id } = await activity();
      const names = ['Zainab Okafor', 'Amadou Diallo', 'Nguyễn Thị Lan', 'María Quispe', 'Şahin Yılmaz'];
      const ids: Record<string, string> = {};
      for (const [index, name] of names.entries()) {
        const who = await participant(id);
        await t.dataSource.query('UPDATE applicant_profiles SET full_name = $2 WHERE user_id = $1', [who.id, name]);
        await evaluate(who.token, who.applicationId, { satisfaction: 1 + index, relevance: 5 - index, comments: `From ${name}` }).expect(201);
        ids[name] = who.applicationId;
      }
      await participant(id); // attended, no evaluation: not listed
      await testScores(tokens.staff, ids['María Quispe'], { preTestScore: 40, postTestScore: 85 }).expect(200);

      const seen: { fullName: string; preTestScore: number | null; postTestScore: number | null; country: string; comments: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const body: { items: typeof seen; nextCursor: string | null } = (
          await t.http
            .get(`/api/activities/${id}/evaluations/responses`)
            .query({ limit: 2, ...(cursor ? { cursor } : {}) })
            .auth(tokens.staff, { type: 'bearer' })
            .expect(200)
        ).body;
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      // By name in the database's collation (C.UTF-8 here: code points, so Ş after Z).
      expect(seen.map((row) => row.fullName)).toEqual(['Amadou Diallo', 'María Quispe', 'Nguyễn Thị Lan', 'Zainab Okafor', 'Şahin Yılmaz']);
      expect(seen[1]).toMatchObject({ applicationId: ids['María Quispe'], country: 'SEN', preTestScore: 40, postTestScore: 85, comments: 'From María Quispe' });
      expect(seen[0]).toMatchObject({ preTestScore: null, postTestScore: null });
    });

    it('is for staff, and refuses an unknown activity or cursor', async () => {
      const { id } = await activity();
      const path = `/api/activities/${id}/evaluations/responses`;
      await t.http.get(path).auth(tokens.staff, { type: 'bearer' }).expect(200, { items: [], nextCursor: null });
      for (const role of ['applicant', 'focal_point', 'auditor'] as Role[]) await t.http.get(path).auth(tokens[role], { type: 'bearer' }).expect(refused(403, 'FORBIDDEN'));
      await t.http.get(path).expect(refused(401, 'UNAUTHORIZED'));
      await t.http.get(path).query({ cursor: 'not-a-cursor' }).auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'INVALID_CURSOR'));
      await t.http.get(path).query({ limit: 500 }).auth(tokens.staff, { type: 'bearer' }).expect(refused(400, 'VALIDATION_FAILED'));
      await t.http
        .get('/api/activities/00000000-0000-4000-8000-000000000000/evaluations/responses')
        .auth(tokens.staff, { type: 'bearer' })
        .expect(refused(404, 'ACTIVITY_NOT_FOUND'));
    });
  });
});

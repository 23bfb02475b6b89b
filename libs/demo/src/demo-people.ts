import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { SeededRandom } from './random';

/** Every demo account signs in with this password (README: Demo data). */
export const DEMO_PASSWORD = 'demo-password-2026';

const FIRST_NAMES = ['Amina', 'Carlos', 'Fatou', 'Nguyen', 'Olga', 'Rahul', 'Grace', 'Jean', 'Maria', 'Tariq', 'Aisha', 'Pedro', 'Lina', 'Kwame', 'Sofia', 'Tenzin'];
const LAST_NAMES = ['Diallo', 'Mendoza', 'Ndiaye', 'Van Thanh', 'Petrova', 'Sharma', 'Mwangi', 'Baptiste', 'Lopez', 'Hassan', 'Okafor', 'Silva', 'Haddad', 'Mensah', 'Rojas', 'Dorji'];
const INSTITUTIONS = ['Ministry of Trade', 'Customs Administration', 'Ministry of Agriculture', 'Permanent Mission in Geneva', 'National University', 'Standards Bureau'];
const GENDERS = [['female', 48], ['male', 46], ['other', 1], ['undisclosed', 5]] as const;
const INSTITUTION_TYPES = [['government', 70], ['permanent_mission', 8], ['academia', 8], ['parliament', 4], ['private_sector', 4], ['civil_society', 3], ['media', 3]] as const;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface DemoActivity {
  id: string;
  status: string;
  type: string;
  capacity: number;
  requires_nomination: boolean;
  nomination_quota: number;
  beneficiary_countries: string[];
  region: string | null;
  days: number;
}

export interface DemoPeopleSummary {
  created: boolean;
  users: number;
  applications: number;
}

/**
 * Staff, an auditor, focal points and about 400 applicants with profiles, and applications in
 * every state for the demo plan's activities: submitted and endorsed ones on open calls,
 * selected and waitlisted ones on confirmed activities, attended, completed (with certificates
 * and evaluations), no-shows, withdrawn and rejected ones on delivered activities.
 */
export async function seedDemoPeople(dataSource: DataSource, planId: string): Promise<DemoPeopleSummary> {
  const [{ count: existing }] = (await dataSource.query("SELECT count(*)::int AS count FROM users WHERE email LIKE '%@demo.trta.org'")) as { count: number }[];
  if (existing > 0) {
    const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM applications ap JOIN activities a ON a.id = ap.activity_id WHERE a.plan_id = $1', [planId])) as { count: number }[];
    return { created: false, users: existing, applications: count };
  }
  const random = new SeededRandom(4242);
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  return dataSource.transaction(async (manager) => {
    const countries = (await manager.query(
      "SELECT code, region FROM countries WHERE region <> 'developed' AND wto_status <> 'other' ORDER BY code",
    )) as { code: string; region: string }[];
    const staffUsers = [
      ['staff@demo.trta.org', 'staff', null],
      ['auditor@demo.trta.org', 'auditor', null],
      ...['KEN', 'SEN', 'BGD', 'HTI', 'PER', 'KAZ'].map((code) => [`focal.${code.toLowerCase()}@demo.trta.org`, 'focal_point', code]),
    ];
    for (const [email, role, country] of staffUsers) {
      await manager.query('INSERT INTO users (email, password_hash, role, country, email_verified_at) VALUES ($1, $2, $3, $4, now())', [email, passwordHash, role, country]);
    }

    const people = Array.from({ length: 400 }, (_, index) => {
      const country = countries[(index * 7) % countries.length];
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      return {
        email: `applicant${String(index + 1).padStart(3, '0')}@demo.trta.org`,
        full_name: `${first} ${last}`,
        gender: random.weighted(GENDERS),
        country: country.code,
        region: country.region,
        institution_type: random.weighted(INSTITUTION_TYPES),
        institution: random.pick(INSTITUTIONS),
        languages: country.region === 'latin_america' ? ['es', 'en'] : country.region === 'africa' ? ['fr', 'en'] : ['en'],
      };
    });
    const inserted = (await manager.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(email text, full_name text, gender text, country char(3),
         institution_type text, institution text, languages text[])),
       created AS (
         INSERT INTO users (email, password_hash, role, locale, email_verified_at)
         SELECT email, $2, 'applicant', languages[1], now() FROM input RETURNING id, email)
       INSERT INTO applicant_profiles (user_id, full_name, gender, nationality, country, institution_type, institution, position, languages)
       SELECT c.id, i.full_name, i.gender, i.country, i.country, i.institution_type, i.institution, 'Trade officer', i.languages
       FROM created c JOIN input i ON i.email = c.email
       RETURNING user_id, country`,
      [JSON.stringify(people), passwordHash],
    )) as { user_id: string; country: string }[];
    const applicants = inserted.map((row) => ({ id: row.user_id, country: row.country }));

    const activities = (await manager.query(
      `SELECT id, status, type, capacity, requires_nomination, nomination_quota, beneficiary_countries, region,
              coalesce(end_date - start_date + 1, 1) AS days
       FROM activities WHERE plan_id = $1 AND status IN ('open', 'confirmed', 'closed', 'delivered') ORDER BY code`,
      [planId],
    )) as DemoActivity[];
    const rows: Record<string, unknown>[] = [];
    const evaluations: Record<string, unknown>[] = [];
    for (const activity of activities) {
      const eligible = applicants.filter((a) =>
        activity.type === 'global' ? true : activity.beneficiary_countries.map((c) => c.trim()).includes(a.country),
      );
      const chosen = random.sample(eligible, Math.min(eligible.length, random.int(3, 14)));
      const seats = { taken: 0 };
      const endorsed = new Map<string, number>();
      let waitlist = 0;
      for (const applicant of chosen) {
        const status = statusFor(random, activity, seats.taken);
        if (['selected', 'attended', 'completed'].includes(status)) seats.taken++;
        let endorsedAt: string | null = null;
        if (activity.requires_nomination && status !== 'submitted' && status !== 'declined') {
          const count = endorsed.get(applicant.country) ?? 0;
          if (count >= activity.nomination_quota) continue;
          endorsed.set(applicant.country, count + 1);
          endorsedAt = new Date().toISOString();
        }
        const completed = status === 'completed';
        rows.push({
          activity_id: activity.id,
          applicant_id: applicant.id,
          country: applicant.country,
          motivation: 'My work on trade policy would benefit directly from this course.',
          status,
          endorsed_at: endorsedAt,
          waitlist_position: status === 'waitlisted' ? ++waitlist : null,
          attended_days: status === 'attended' || completed ? activity.days : null,
          completed_at: completed ? new Date().toISOString() : null,
          certificate_code: completed ? `TRTA-${Array.from({ length: 10 }, () => CROCKFORD[random.int(0, 31)]).join('')}` : null,
          decision_reason: status === 'rejected' ? 'Profile does not match the target audience' : null,
        });
        if ((status === 'attended' || completed) && random.next() < 0.7) {
          const pre = random.next() < 0.8 ? random.int(20, 70) : null;
          evaluations.push({
            key: `${activity.id}|${applicant.id}`,
            satisfaction: random.weighted([[5, 5], [4, 4], [3, 1], [2, 0.3]] as const),
            relevance: random.weighted([[5, 5], [4, 3], [3, 1]] as const),
            pre,
            post: pre === null ? null : Math.min(100, pre + random.int(0, 35)),
            applied: random.weighted([[true, 6], [false, 1], [null, 3]] as const),
          });
        }
      }
    }
    await manager.query(
      `INSERT INTO applications (activity_id, applicant_id, country, motivation, status, endorsed_at, waitlist_position,
         attended_days, completed_at, certificate_code, decision_reason, decided_at)
       SELECT activity_id, applicant_id, country, motivation, status, endorsed_at, waitlist_position, attended_days,
              completed_at, certificate_code, decision_reason,
              CASE WHEN status NOT IN ('submitted', 'endorsed', 'declined', 'withdrawn') THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS r(activity_id uuid, applicant_id uuid, country char(3), motivation text, status text,
         endorsed_at timestamptz, waitlist_position int, attended_days int, completed_at timestamptz, certificate_code text,
         decision_reason text)`,
      [JSON.stringify(rows)],
    );
    await manager.query(
      `INSERT INTO evaluations (application_id, satisfaction, relevance, pre_test_score, post_test_score, applied_in_work, comments)
       SELECT ap.id, e.satisfaction, e.relevance, e.pre, e.post, e.applied, 'Useful and well organised.'
       FROM jsonb_to_recordset($1::jsonb) AS e(key text, satisfaction smallint, relevance smallint, pre smallint, post smallint, applied boolean)
       JOIN applications ap ON ap.activity_id::text || '|' || ap.applicant_id::text = e.key`,
      [JSON.stringify(evaluations)],
    );
    await manager.query(
      `INSERT INTO back_to_office_reports (activity_id, sessions_held, participants_female, participants_male, participants_other, objectives_met, conclusion)
       SELECT a.id, greatest(1, a.end_date - a.start_date + 1),
              count(*) FILTER (WHERE p.gender = 'female' AND ap.status IN ('attended', 'completed')),
              count(*) FILTER (WHERE p.gender = 'male' AND ap.status IN ('attended', 'completed')),
              count(*) FILTER (WHERE p.gender NOT IN ('female', 'male') AND ap.status IN ('attended', 'completed')),
              (ARRAY['fully', 'fully', 'partly', 'partly', 'not'])[1 + abs(hashtext(a.code)) % 5], 'Objectives discussed with the host.'
       FROM activities a
       LEFT JOIN applications ap ON ap.activity_id = a.id
       LEFT JOIN applicant_profiles p ON p.user_id = ap.applicant_id
       WHERE a.plan_id = $1 AND a.status = 'delivered' AND abs(hashtext(a.code)) % 10 < 8
       GROUP BY a.id`,
      [planId],
    );
    return { created: true, users: staffUsers.length + applicants.length, applications: rows.length };
  });
}

/** A status that fits where the activity is, within its seats. */
function statusFor(random: SeededRandom, activity: DemoActivity, seatsTaken: number): string {
  const full = seatsTaken >= activity.capacity;
  const seat = (status: string) => (full ? 'waitlisted' : status);
  switch (activity.status) {
    case 'open':
      return activity.requires_nomination
        ? random.weighted([['submitted', 4], ['endorsed', 4], ['declined', 1], ['withdrawn', 1]] as const)
        : random.weighted([['submitted', 8], ['withdrawn', 1]] as const);
    case 'confirmed':
    case 'closed': {
      const status = random.weighted([['selected', 6], ['waitlisted', 2], ['rejected', 2], ['withdrawn', 1]] as const);
      return status === 'selected' ? seat(status) : status;
    }
    default: {
      const status = random.weighted([['completed', 6], ['attended', 2], ['no_show', 1], ['withdrawn', 1], ['rejected', 1]] as const);
      return ['completed', 'attended'].includes(status) && full ? 'rejected' : status;
    }
  }
}

import type { Page } from 'playwright-core';
import { activityFactory, day } from '../support/activity-fixtures';
import { moveActivityDates, reviewApplications, type Token } from '../support/application-fixtures';
import { signedIn } from '../support/factories';
import { checkAccessibility, PHONE, readmeScreenshot, screenshotEachTest, signInThroughPage, startBrowserApp, type BrowserTestApp } from '../support/browser';

/**
 * Issue 12, items 4, 5, 6 and 8: a member of staff reviews 250 applications across pages,
 * selects in bulk within the seats and waitlists the rest (the batch over capacity refused, each
 * person by name and reason); records attendance once the course has started and completion once
 * it has ended (the refusals shown before); writes the back-to-office report from the recorded
 * participants. From the sign-in page, in the browser only (the database is read to check the
 * results, and written only to seed the applications and to let time pass), at 1280×800 and on a
 * phone, with axe on every state.
 */
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: PHONE },
] as const;

describe('web app: staff review, attendance and back-to-office report', () => {
  let b: BrowserTestApp;
  let page: Page | undefined;
  let staff: Token;
  let createActivity: ReturnType<typeof activityFactory>;

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await signedIn(b.t, 'staff');
    createActivity = activityFactory(() => b.t);
  });
  afterAll(() => b?.close());
  screenshotEachTest(() => page);

  const signIn = async (viewport: { width: number; height: number }, path: string) => {
    page = await b.newPage({ viewport });
    await signInThroughPage(page, staff.email);
    await page.goto(path);
    return page;
  };
  const statusCounts = async (activityId: string) =>
    Object.fromEntries(
      (
        (await b.t.dataSource.query('SELECT status, count(*)::int AS count FROM applications WHERE activity_id = $1 GROUP BY status', [activityId])) as {
          status: string;
          count: number;
        }[]
      ).map((row) => [row.status, row.count]),
    );
  /** The page is no wider than the screen: a wide table scrolls in its own container. */
  const fitsTheScreen = async (p: Page) => {
    const { width, scrollWidth } = await p.evaluate(() => {
      const { document, window } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; window: { innerWidth: number } };
      return { width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth };
    });
    expect(scrollWidth).toBeLessThanOrEqual(width);
  };
  /** Closes the success messages in the corner, so that a README screenshot shows the page itself. */
  const closeMessages = async (p: Page) => {
    for (const button of await p.getByRole('button', { name: 'Close the message' }).all()) await button.click().catch(() => undefined);
    await p.getByRole('button', { name: 'Close the message' }).first().waitFor({ state: 'detached' });
  };
  /** Chooses `option` in the Mantine select labelled `label`. */
  const choose = async (p: Page, label: string | RegExp, option: string) => {
    await p.getByRole('combobox', { name: label }).click();
    await p.getByRole('option', { name: option, exact: true }).click();
  };

  describe.each(VIEWPORTS)('on a $name', ({ name, viewport }) => {
    it('reviews 250 applications across pages, selects in bulk within the seats, waitlists, and sees the refused ones by name and reason', async () => {
      const activity = await createActivity({ capacity: 30 });
      await reviewApplications(b.t, activity.id, 250);
      const p = await signIn(viewport, `/staff/activities/${activity.id}/applications`);
      await p.getByRole('heading', { level: 1, name: `Applications: ${activity.code}` }).waitFor();
      const summary = p.getByTestId('page-summary');
      const table = p.getByTestId('applications-table');
      await summary.getByText('Page 1 of 5 · 250 applications').waitFor();
      await p.getByTestId('balance-panel').getByText('30 seats left of 30').waitFor();
      await checkAccessibility(p);
      await fitsTheScreen(p);

      // Across pages, to the last application.
      for (let number = 2; number <= 5; number++) {
        await p.getByRole('button', { name: 'Next page' }).click();
        await summary.getByText(`Page ${number} of 5 · 250 applications`).waitFor();
      }
      await table.getByRole('button', { name: 'Open the dossier of Applicant 250' }).waitFor();
      expect(await p.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
      await p.getByRole('button', { name: 'Previous page' }).click();
      await summary.getByText('Page 4 of 5 · 250 applications').waitFor();

      // Filters and sorting, kept in the URL; each with its count (on a phone they fold away under a button).
      if (name === 'phone') await p.getByRole('button', { name: 'Filters (0)' }).click();
      await choose(p, 'Gender', 'Female');
      await summary.getByText('Page 1 of 3 · 125 applications').waitFor();
      expect(p.url()).toContain('gender=female');
      await choose(p, 'Sort by', 'Name');
      await choose(p, 'Order', 'Descending');
      await table.getByRole('row').nth(1).getByRole('button', { name: 'Open the dossier of Applicant 250' }).waitFor();
      await p.getByRole('button', { name: 'Clear the filters' }).click();
      await summary.getByText('Page 1 of 5 · 250 applications').waitFor();
      await choose(p, 'Order', 'Ascending');
      await choose(p, 'Sort by', 'Date applied');

      // A dossier: profile, motivation, nomination, earlier participations.
      await table.getByRole('button', { name: 'Open the dossier of Applicant 001' }).click();
      const dossier = p.getByRole('dialog', { name: 'Dossier: Applicant 001' });
      await dossier.getByText('I negotiate for my country and need this course. (1)').waitFor();
      await dossier.getByText('No PLS level completed yet').waitFor();
      await dossier.getByText('Ministry of Trade').waitFor();
      await checkAccessibility(p);
      await dossier.getByRole('button', { name: 'Close the dossier' }).click();
      await dossier.waitFor({ state: 'hidden' });

      // 25 a page: all of the first page selected, within the 30 seats; the balance previews them first.
      await choose(p, 'Applications per page', '25 per page');
      await summary.getByText('Page 1 of 10 · 250 applications').waitFor();
      await p.getByRole('checkbox', { name: 'Check every application that can be decided' }).check();
      await choose(p, 'Decision for the checked applications', 'Select');
      await p.getByTestId('balance-gender-female').getByText('+12 checked').waitFor();
      await p.getByRole('button', { name: 'Apply to 25 checked' }).click();
      const applied = p.getByRole('alert').filter({ hasText: '25 decisions applied.' });
      await applied.waitFor();
      await p.getByTestId('balance-panel').getByText('5 seats left of 30').waitFor();
      // Closed as the person would, so that the next decision's message is the only one on the page.
      await applied.getByRole('button', { name: 'Close' }).click();
      await applied.waitFor({ state: 'detached' });
      expect(await statusCounts(activity.id)).toEqual({ selected: 25, submitted: 225 });

      // The second page does not fit in the 5 seats left: nothing is changed, each refused one named with its reason.
      await p.getByRole('button', { name: 'Next page' }).click();
      await summary.getByText('Page 2 of 10 · 250 applications').waitFor();
      await p.getByRole('checkbox', { name: 'Check every application that can be decided' }).check();
      await p.getByRole('button', { name: 'Apply to 25 checked' }).click();
      const refusal = p.getByRole('alert').filter({ hasText: 'The decisions were refused' });
      await refusal.getByText('Nothing was changed: 20 of 25 decisions were refused.').waitFor();
      const refused = refusal.getByTestId('refused-items').getByRole('listitem');
      expect(await refused.count()).toBe(20);
      expect(await refused.first().textContent()).toBe(`Applicant 031: No seat left: activity ${activity.code} is full (30 seats).`);
      expect(await statusCounts(activity.id)).toEqual({ selected: 25, submitted: 225 });
      await checkAccessibility(p);
      if (name === 'desktop') {
        await p.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
        await readmeScreenshot(p, 'staff-applications-review');
      }

      // So they go to the waitlist, in the order they applied.
      await choose(p, 'Decision for the checked applications', 'Waitlist');
      await p.getByRole('button', { name: 'Apply to 25 checked' }).click();
      await applied.waitFor();
      await refusal.waitFor({ state: 'detached' });
      await p.getByTestId('waitlist').getByRole('listitem').nth(24).waitFor();
      expect(await p.getByTestId('waitlist').getByRole('listitem').first().textContent()).toBe('Applicant 026 · Bangladesh');
      expect(await statusCounts(activity.id)).toEqual({ selected: 25, waitlisted: 25, submitted: 200 });
      const positions = await b.t.dataSource.query(
        `SELECT p.full_name AS name, ap.waitlist_position AS position FROM applications ap JOIN applicant_profiles p ON p.user_id = ap.applicant_id
         WHERE ap.activity_id = $1 AND ap.status = 'waitlisted' ORDER BY ap.waitlist_position`,
        [activity.id],
      );
      expect(positions.map((row: { name: string }) => row.name)).toEqual(Array.from({ length: 25 }, (_, index) => `Applicant ${String(26 + index).padStart(3, '0')}`));
      await checkAccessibility(p);
      await fitsTheScreen(p);
    }, 300_000);

    it('records attendance once the course has started and completion once it has ended, after showing why not before', async () => {
      const activity = await createActivity({ capacity: 40, start: day(30), deadline: day(20) });
      await b.t.dataSource.query(`UPDATE activities SET delivery_mode = 'face_to_face', venue_city = 'Geneva', venue_country = 'CHE' WHERE id = $1`, [activity.id]);
      await reviewApplications(b.t, activity.id, 30, { status: 'selected' });
      const p = await signIn(viewport, `/staff/activities/${activity.id}/applications`);
      await p.getByRole('tab', { name: 'Attendance and completion' }).click();
      const counts = p.getByTestId('attendance-counts');
      await counts.getByText('30 selected · 0 attended · 0 completed · 0 no-shows').waitFor();
      // A face-to-face course that starts next month: neither attendance nor completion, and the page says why.
      await p.getByTestId('refused-attend').getByText(/^Recording attendance is possible only from .+, when the activity starts\.$/).waitFor();
      await p.getByTestId('refused-complete').getByText(/^Completion and certificates come once the activity has ended: it ends on .+\.$/).waitFor();
      expect(await p.getByRole('button', { name: /Mark everyone present/ }).count()).toBe(0);
      expect(await p.getByRole('button', { name: /Complete all who qualify/ }).count()).toBe(0);
      await checkAccessibility(p);
      await fitsTheScreen(p);

      // The course started yesterday: attendance, per person and for everyone; completion still waits for the end.
      await moveActivityDates(b.t, activity.id, 1, 5);
      await p.reload();
      await p.getByRole('button', { name: 'Mark everyone present (30)' }).waitFor();
      await p.getByTestId('refused-complete').waitFor();
      expect(await p.getByTestId('refused-attend').count()).toBe(0);
      await p.getByRole('textbox', { name: 'Days attended by Applicant 001' }).fill('3');
      await p.getByRole('textbox', { name: 'Days attended by Applicant 002' }).fill('4');
      await p.getByRole('button', { name: 'Record attendance of the 2 checked' }).click();
      await p.getByText('Attendance of 2 participants recorded.').waitFor();
      await counts.getByText('28 selected · 2 attended · 0 completed · 0 no-shows').waitFor();
      await p.getByRole('button', { name: 'No-show Applicant 003' }).click();
      const noShow = p.getByRole('dialog', { name: 'Record Applicant 003 as a no-show?' });
      await noShow.getByText('This cannot be undone.', { exact: false }).waitFor();
      await noShow.getByRole('button', { name: 'Record the no-show' }).click();
      await counts.getByText('27 selected · 2 attended · 0 completed · 1 no-shows').waitFor();
      if (name === 'desktop') {
        await closeMessages(p);
        await readmeScreenshot(p, 'staff-attendance');
      }
      await p.getByRole('button', { name: 'Mark everyone present (27)' }).click();
      const everyone = p.getByRole('dialog', { name: 'Mark everyone present?' });
      expect(await everyone.getByRole('textbox', { name: 'Days each attended' }).inputValue()).toBe('5');
      await checkAccessibility(p);
      await everyone.getByRole('button', { name: 'Mark everyone present' }).click();
      await p.getByText('27 participants marked present.').waitFor();
      await counts.getByText('0 selected · 29 attended · 0 completed · 1 no-shows').waitFor();
      expect(await statusCounts(activity.id)).toEqual({ attended: 29, no_show: 1 });

      // The course ended yesterday: everyone who attended completes, each with a certificate.
      await moveActivityDates(b.t, activity.id, 6, 5);
      await p.reload();
      await p.getByRole('button', { name: 'Complete all who qualify (29)' }).click();
      const complete = p.getByRole('dialog', { name: 'Complete all who qualify?' });
      await complete.getByText(/each gets a certificate/).waitFor();
      await complete.getByRole('button', { name: 'Complete and issue the certificates' }).click();
      await p.getByText('29 participants completed the activity.').waitFor();
      await counts.getByText('0 selected · 0 attended · 29 completed · 1 no-shows').waitFor();
      const rows = await b.t.dataSource.query(
        `SELECT p.full_name AS name, ap.attended_days AS days, ap.certificate_code AS code FROM applications ap
         JOIN applicant_profiles p ON p.user_id = ap.applicant_id WHERE ap.activity_id = $1 AND ap.status = 'completed' ORDER BY p.full_name`,
        [activity.id],
      );
      expect(rows).toHaveLength(29);
      expect(rows.slice(0, 2).map((row: { name: string; days: number }) => [row.name, row.days])).toEqual([
        ['Applicant 001', 3],
        ['Applicant 002', 4],
      ]);
      expect(rows.slice(2).every((row: { days: number; code: string }) => row.days === 5 && /^TRTA-/.test(row.code))).toBe(true);
      await checkAccessibility(p);
      await fitsTheScreen(p);
    }, 300_000);

    it('enters the participants’ test scores on the evaluations tab, a score above 100 refused beside its field', async () => {
      const activity = await createActivity({ status: 'delivered', start: day(-20), deadline: day(-30) });
      const ids = await reviewApplications(b.t, activity.id, 3, { status: 'attended' });
      // Two of the three sent their evaluation (seeded: the participant's own form is the applicant journeys' test).
      await b.t.dataSource.query(
        `INSERT INTO evaluations (application_id, satisfaction, relevance, comments) SELECT id, 4, 5, 'Useful for my work' FROM applications WHERE id = ANY($1::uuid[])`,
        [ids.slice(0, 2)],
      );
      const p = await signIn(viewport, `/staff/activities/${activity.id}/applications`);
      await p.getByRole('tab', { name: 'Evaluations' }).click();
      const results = p.getByTestId('evaluation-results');
      await results.getByText('2 of 3 participants').waitFor();
      await results.getByText('4 / 5').waitFor();
      const table = p.getByTestId('evaluations-table');
      await table.getByText('Applicant 001').waitFor();
      expect(await table.locator('tbody tr').count()).toBe(2);
      await checkAccessibility(p);
      await fitsTheScreen(p);

      await p.getByRole('textbox', { name: 'Pre-test score of Applicant 001' }).fill('40');
      await p.getByRole('textbox', { name: 'Post-test score of Applicant 001' }).fill('150');
      await p.getByRole('button', { name: 'Save the scores of Applicant 001' }).click();
      await p.getByTestId(`evaluation-${ids[0]}`).getByText('Enter at most 100.').waitFor();
      await checkAccessibility(p);
      expect(await b.t.dataSource.query('SELECT pre_test_score AS pre, post_test_score AS post FROM evaluations WHERE application_id = $1', [ids[0]])).toEqual([{ pre: null, post: null }]);

      await p.getByRole('textbox', { name: 'Post-test score of Applicant 001' }).fill('85');
      await p.getByRole('button', { name: 'Save the scores of Applicant 001' }).click();
      await p.getByText('The scores of Applicant 001 are saved.').waitFor();
      await results.getByText('+45 points (1 participant with both tests)').waitFor();
      expect(await p.getByTestId(`evaluation-${ids[0]}`).getByText('Enter at most 100.').count()).toBe(0);
      expect(await b.t.dataSource.query('SELECT pre_test_score AS pre, post_test_score AS post FROM evaluations WHERE application_id = $1', [ids[0]])).toEqual([{ pre: 40, post: 85 }]);
      if (name === 'desktop') {
        await closeMessages(p);
        await readmeScreenshot(p, 'staff-evaluations');
      }
    });

    it('writes the back-to-office report from the recorded participants, with a note where they differ, and refuses an implausible count', async () => {
      const activity = await createActivity({ status: 'delivered', start: day(-20), deadline: day(-30) });
      // Six recorded as attending: three women, two men, one other.
      await reviewApplications(b.t, activity.id, 6, { status: 'attended' });
      const p = await signIn(viewport, `/staff/activities/${activity.id}/report`);
      await p.getByRole('heading', { level: 1, name: `Back-to-office report: ${activity.code}` }).waitFor();
      await p.getByTestId('recorded-participants').getByText(/Recorded as attending: 6 \(3 women, 2 men, 1 other or undisclosed\)/).waitFor();
      expect(await p.getByRole('textbox', { name: /^Women/ }).inputValue()).toBe('3');
      expect(await p.getByRole('textbox', { name: /^Men/ }).inputValue()).toBe('2');
      expect(await p.getByRole('textbox', { name: /^Other/ }).inputValue()).toBe('1');
      await checkAccessibility(p);
      await fitsTheScreen(p);

      await p.getByRole('textbox', { name: /^Sessions held/ }).fill('8');
      await p.getByRole('radio', { name: 'Partly' }).check();
      await p.getByRole('textbox', { name: /^Men/ }).fill('1');
      await p.getByTestId('observed-total').getByText('Observed in total: 5, not the 6 recorded: say why in the note.').waitFor();

      // Leaving with unsaved changes asks first.
      await p.getByRole('navigation', { name: 'Pages of this activity' }).getByRole('link', { name: 'Applications' }).click();
      const leave = p.getByRole('dialog', { name: 'Leave without saving?' });
      await leave.getByRole('button', { name: 'Stay on this page' }).click();
      await leave.waitFor({ state: 'hidden' });
      expect(p.url()).toContain('/report');

      // A total other than the recorded one needs a note; the refusal says so beside the note.
      await p.getByRole('button', { name: 'Save the report' }).click();
      await p.getByText('5 participants observed differs from the 6 recorded as attending: say why in the note.').waitFor();
      await checkAccessibility(p);
      // 50 observed for 6 recorded is refused; the save clears the note's earlier refusal.
      await p.getByRole('textbox', { name: /^Note on the participants/ }).fill('One participant left after the first morning.');
      await p.getByRole('textbox', { name: /^Women/ }).fill('48');
      await p.getByRole('button', { name: 'Save the report' }).click();
      const implausible = p.getByRole('alert').filter({ hasText: 'The report was not saved' });
      await implausible.getByText(/^50 participants observed is more than could have attended: at most 6 \(capacity 25, 6 people applied or registered, 6 recorded as attending\)\.$/).waitFor();
      expect(await p.getByText('5 participants observed differs from the 6 recorded as attending: say why in the note.').count()).toBe(0);
      expect((await b.t.dataSource.query('SELECT count(*)::int AS count FROM back_to_office_reports WHERE activity_id = $1', [activity.id]))[0].count).toBe(0);

      await p.getByRole('textbox', { name: /^Women/ }).fill('3');
      if (name === 'desktop') {
        await p.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
        await readmeScreenshot(p, 'staff-back-to-office');
      }
      await p.getByRole('button', { name: 'Save the report' }).click();
      await p.getByText('The report was saved.').waitFor();
      expect(await p.getByRole('alert').filter({ hasText: 'more than could have attended' }).count()).toBe(0);
      const [report] = await b.t.dataSource.query(
        `SELECT sessions_held AS sessions, participants_female AS female, participants_male AS male, participants_other AS other,
           participants_note AS note, objectives_met AS objectives FROM back_to_office_reports WHERE activity_id = $1`,
        [activity.id],
      );
      expect(report).toEqual({ sessions: 8, female: 3, male: 1, other: 1, note: 'One participant left after the first morning.', objectives: 'partly' });
      await checkAccessibility(p);
      // Saved: leaving asks nothing.
      await p.getByRole('navigation', { name: 'Pages of this activity' }).getByRole('link', { name: 'Applications' }).click();
      await p.waitForURL(`**/staff/activities/${activity.id}/applications`);
    }, 300_000);
  });
});

import { NotificationKind, NotificationsService } from '@trta/notifications';
import { client, type Token } from './support/application-fixtures';
import { signedIn } from './support/factories';
import { refused } from './support/refusals';
import { createTestApp, type TestApp } from './support/test-app';

/** GET /api/me/notifications and marking them read: the person's notifications in the app (issue 15, item 3). */
describe('my notifications', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function queue(userId: string, kind: NotificationKind, code: string): Promise<string> {
    const service = t.app.get(NotificationsService);
    const id = await t.dataSource.transaction((manager) =>
      service.queue(manager, { userId, kind, params: { activityCode: code, activityTitle: 'Trade facilitation' }, dedupKey: `${kind}:${code}:${userId}` }),
    );
    return id as string;
  }

  it('lists the person’s own outbox messages, newest first, with the unread count, a page at a time', async () => {
    const person = await signedIn(t, 'applicant');
    const someone = await signedIn(t, 'applicant');
    await t.dataSource.query("UPDATE users SET locale = 'es' WHERE id = $1", [person.id]);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push(await queue(person.id, NotificationKind.ApplicationSelected, `TA-2026-000${i}`));
    await queue(someone.id, NotificationKind.ApplicationRejected, 'TA-2026-0009');
    // The outbox rows themselves: the same messages, written in the person's language.
    await t.dataSource.query(`UPDATE notifications SET created_at = created_at + (id = $1)::int * interval '1 minute' + (id = $2)::int * interval '2 minutes' WHERE id IN ($1, $2)`, [
      ids[1],
      ids[2],
    ]);

    const first = await client(t, person).get('/api/me/notifications?limit=2').expect(200);
    expect(first.body.unread).toBe(3);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({
      kind: 'application.selected',
      locale: 'es',
      subject: 'Ha sido seleccionado(a): TA-2026-0003 Trade facilitation',
      readAt: null,
      applicationId: null,
    });
    // The same message in the interface language asked for, written from the params the outbox row keeps.
    const french = await client(t, person).get('/api/me/notifications?limit=1&lang=fr').expect(200);
    expect(french.body.items[0]).toMatchObject({ id: ids[2], locale: 'fr', subject: 'Vous êtes sélectionné(e) : TA-2026-0003 Trade facilitation' });
    // A row without params (written before they were kept) stays as the outbox holds it.
    await t.dataSource.query('UPDATE notifications SET params = NULL WHERE id = $1', [ids[2]]);
    const kept = await client(t, person).get('/api/me/notifications?limit=1&lang=fr').expect(200);
    expect(kept.body.items[0]).toMatchObject({ locale: 'es', subject: 'Ha sido seleccionado(a): TA-2026-0003 Trade facilitation' });
    await client(t, person).get('/api/me/notifications?lang=de').expect(refused(400, 'VALIDATION_FAILED'));
    const next = await client(t, person).get(`/api/me/notifications?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(next.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(next.body.nextCursor).toBeNull();
    expect((await client(t, person).get('/api/me/notifications/unread-count').expect(200)).body).toEqual({ unread: 3 });
  });

  it('never shows the account links that prove an email address (they go to the mailbox only)', async () => {
    // Whoever signed up with someone else's address must not read its verification link in the app.
    const person = await signedIn(t, 'applicant');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND kind = 'account.verify_email'`, [person.id]);
    expect(count).toBeGreaterThan(0);
    await t.http.post('/api/auth/password-reset').send({ email: person.email }).expect(202);
    const listed = await client(t, person).get('/api/me/notifications').expect(200);
    expect(listed.body).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect((await client(t, person).post('/api/me/notifications/read').expect(200)).body).toEqual({ marked: 0, unread: 0 });
    const [link] = await t.dataSource.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'account.verify_email' LIMIT 1`, [person.id]);
    await client(t, person).post(`/api/me/notifications/${link.id}/read`).expect(refused(404, 'NOTIFICATION_NOT_FOUND'));
  });

  it('marks one read (once: the first time stays), then all; the count goes down', async () => {
    const person = await signedIn(t, 'focal_point', 'KEN');
    const a = await queue(person.id, NotificationKind.NominationNeeded, 'TA-2026-0101');
    const b = await queue(person.id, NotificationKind.NominationNeeded, 'TA-2026-0102');
    await queue(person.id, NotificationKind.RequestApproved, 'TA-2026-0103');
    const read = await client(t, person).post(`/api/me/notifications/${a}/read`).expect(200);
    expect(read.body).toMatchObject({ id: a, readAt: expect.any(String) });
    const again = await client(t, person).post(`/api/me/notifications/${a}/read`).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await client(t, person).get('/api/me/notifications/unread-count').expect(200)).body).toEqual({ unread: 2 });
    const unread = await client(t, person).get('/api/me/notifications?unread=true').expect(200);
    expect(unread.body.items.map((item: { id: string }) => item.id)).not.toContain(a);
    expect(unread.body.items.map((item: { id: string }) => item.id)).toContain(b);

    expect((await client(t, person).post('/api/me/notifications/read').expect(200)).body).toEqual({ marked: 2, unread: 0 });
    expect((await client(t, person).post('/api/me/notifications/read').expect(200)).body).toEqual({ marked: 0, unread: 0 });
    expect((await client(t, person).get('/api/me/notifications?unread=true').expect(200)).body.items).toEqual([]);
  });

  it('never reads nor marks another person’s notification', async () => {
    const owner = await signedIn(t, 'applicant');
    const intruder: Token = await signedIn(t, 'staff');
    const id = await queue(owner.id, NotificationKind.ApplicationSubmitted, 'TA-2026-0201');
    await client(t, intruder).post(`/api/me/notifications/${id}/read`).expect(refused(404, 'NOTIFICATION_NOT_FOUND', { notificationId: id }));
    expect((await client(t, intruder).get('/api/me/notifications').expect(200)).body.items).toEqual([]);
    const [{ readAt }] = await t.dataSource.query('SELECT read_at AS "readAt" FROM notifications WHERE id = $1', [id]);
    expect(readAt).toBeNull();
    await client(t, owner).post('/api/me/notifications/not-a-uuid/read').expect(refused(400, 'VALIDATION_FAILED'));
    await client(t, owner).get('/api/me/notifications?unread=maybe').expect(refused(400, 'VALIDATION_FAILED'));
    await t.http.get('/api/me/notifications').expect(refused(401, 'UNAUTHORIZED'));
  });
});

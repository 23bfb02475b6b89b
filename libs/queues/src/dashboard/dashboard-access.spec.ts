import type { FastifyReply, FastifyRequest } from 'fastify';
import { accessTokenOf, dashboardAccessHook } from './dashboard-access';

const request = (headers: Record<string, string>, method = 'GET') => ({ headers, method }) as unknown as FastifyRequest;

function fakeReply() {
  const sent: { status?: number; body?: unknown; type?: string } = {};
  const reply = {
    code: (status: number) => ((sent.status = status), reply),
    type: (type: string) => ((sent.type = type), reply),
    header: () => reply,
    send: (body: unknown) => ((sent.body = body), reply),
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

describe('queue dashboard access', () => {
  it('takes the bearer token first, else the session cookie', () => {
    expect(accessTokenOf(request({ authorization: 'Bearer abc', cookie: 'trta_session=xyz' }))).toBe('abc');
    expect(accessTokenOf(request({ cookie: 'theme=dark; trta_session=xyz' }))).toBe('xyz');
    expect(accessTokenOf(request({ authorization: 'Basic abc' }))).toBeNull();
    expect(accessTokenOf(request({ cookie: 'trta_session=' }))).toBeNull();
    expect(accessTokenOf(request({}))).toBeNull();
  });

  it('lets admins through and refuses others with 401 or 403', async () => {
    const hook = dashboardAccessHook(async (token) => (token === 'admin' ? { role: 'admin' } : token === 'staff' ? { role: 'staff' } : null), '/admin/queues');
    const admin = fakeReply();
    await hook(request({ authorization: 'Bearer admin' }), admin.reply);
    expect(admin.sent.status).toBeUndefined();

    const staff = fakeReply();
    await hook(request({ cookie: 'trta_session=staff' }), staff.reply);
    expect(staff.sent).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden' } });

    const anonymous = fakeReply();
    await hook(request({ accept: 'application/json' }), anonymous.reply);
    expect(anonymous.sent).toMatchObject({ status: 401, body: { statusCode: 401 } });

    const browser = fakeReply();
    await hook(request({ accept: 'text/html', authorization: 'Bearer forged' }), browser.reply);
    expect(browser.sent.status).toBe(401);
    expect(browser.sent.type).toMatch(/text\/html/);
    expect(String(browser.sent.body)).toContain('"/admin/queues"');
  });
});

import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../src/errors.ts';
import { verifyClerkWebhook } from '../src/webhook.ts';
import { snapshot, startTestApi, type TestApi, WEBHOOK_SECRET } from './support.ts';

function signed(payload: unknown, options: { secret?: string; at?: Date; id?: string } = {}) {
  const body = JSON.stringify(payload);
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(id, at, body);
  return {
    rawBody: body,
    headers: {
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': signature,
    },
  };
}

const created = (id: string, first = 'Ada', last = 'Lovelace') => ({
  type: 'user.created',
  object: 'event',
  data: { id, first_name: first, last_name: last, email_addresses: [] },
});

describe('Clerk webhook', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite');
  });
  afterAll(() => api.close());

  it('user.created with a good signature creates the user, without any bearer token', async () => {
    const res = await api.call('POST', '/api/webhooks/clerk', signed(created('user_hook_1')));
    expect(res.status).toBe(200);
    expect(await api.repos.users.get('user_hook_1')).toMatchObject({ display_name: 'Ada Lovelace' });
  });

  it('user.updated refreshes the display name and keeps the user’s goals', async () => {
    await api.call('POST', '/api/webhooks/clerk', signed(created('user_hook_2')));
    await api.repos.users.update('user_hook_2', { years_until_retirement: 7 });
    const update = { ...created('user_hook_2', 'Grace', 'Hopper'), type: 'user.updated' };
    expect((await api.call('POST', '/api/webhooks/clerk', signed(update))).status).toBe(200);
    expect(await api.repos.users.get('user_hook_2')).toMatchObject({
      display_name: 'Grace Hopper',
      years_until_retirement: 7,
    });
  });

  it('acknowledges a replayed delivery (same svix-id) without applying it again', async () => {
    const delivery = signed(created('user_hook_replay', 'First', 'Name'));
    expect((await api.call('POST', '/api/webhooks/clerk', delivery)).body.outcome).toBe('user_upserted');
    await api.repos.users.update('user_hook_replay', { display_name: 'Changed since' });
    const replay = await api.call('POST', '/api/webhooks/clerk', delivery);
    expect(replay).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await api.repos.users.get('user_hook_replay')).toMatchObject({ display_name: 'Changed since' });
  });

  it('does not let an older update delivered late overwrite a newer one', async () => {
    const at = (ms: number, first: string) => ({
      ...created('user_hook_order', first, 'Order'),
      type: 'user.updated',
      data: { ...created('user_hook_order', first, 'Order').data, updated_at: ms },
    });
    await api.call('POST', '/api/webhooks/clerk', signed(at(2_000, 'Newer')));
    const late = await api.call('POST', '/api/webhooks/clerk', signed(at(1_000, 'Older')));
    expect(late.status).toBe(200);
    expect(await api.repos.users.get('user_hook_order')).toMatchObject({ display_name: 'Newer Order' });
    await api.call('POST', '/api/webhooks/clerk', signed(at(3_000, 'Newest')));
    expect(await api.repos.users.get('user_hook_order')).toMatchObject({ display_name: 'Newest Order' });
  });

  it('drops bidi and control characters from a Clerk name instead of refusing the event', async () => {
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed(created('user_hook_bidi', 'Ev\u202Ee', 'L\u0007')),
    );
    expect(res.status).toBe(200);
    expect(await api.repos.users.get('user_hook_bidi')).toMatchObject({ display_name: 'Eve L' });
  });

  it('user.deleted removes the user', async () => {
    await api.call('POST', '/api/webhooks/clerk', signed(created('user_hook_3')));
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed({ type: 'user.deleted', object: 'event', data: { id: 'user_hook_3', deleted: true } }),
    );
    expect(res.status).toBe(200);
    expect(await api.repos.users.get('user_hook_3')).toBeNull();
  });

  it('other event types are acknowledged and ignored', async () => {
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed({ type: 'session.created', data: { id: 'sess_1' } }),
    );
    expect(res.body).toEqual({ received: true, outcome: 'ignored' });
  });

  it('a signature made with another secret is a 401 and writes nothing', async () => {
    const before = await snapshot(api.db);
    const other = `whsec_${Buffer.from('another secret, thirty-two bytes').toString('base64')}`;
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed(created('user_forged'), { secret: other }),
    );
    expect(res.status).toBe(401);
    expect(await snapshot(api.db)).toBe(before);
  });

  it('a body changed after signing is a 401', async () => {
    const request = signed(created('user_tampered'));
    const res = await api.call('POST', '/api/webhooks/clerk', {
      ...request,
      rawBody: request.rawBody.replace('user_tampered', 'user_victim'),
    });
    expect(res.status).toBe(401);
    expect(await api.repos.users.get('user_victim')).toBeNull();
  });

  it('a replayed delivery with an old timestamp is a 401', async () => {
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed(created('user_replayed'), { at: new Date(Date.now() - 10 * 60_000) }),
    );
    expect(res.status).toBe(401);
    expect(await api.repos.users.get('user_replayed')).toBeNull();
  });

  it('missing signature headers are a 401', async () => {
    const res = await api.call('POST', '/api/webhooks/clerk', { body: created('user_unsigned') });
    expect(res.status).toBe(401);
  });

  it('without a configured secret every delivery is rejected as unauthorized', () => {
    const { rawBody, headers } = signed(created('user_no_secret'));
    expect(() => verifyClerkWebhook(undefined, rawBody, headers)).toThrow(UnauthorizedError);
  });

  it('a signed event with a malformed user is a 400, not a 500', async () => {
    const res = await api.call(
      'POST',
      '/api/webhooks/clerk',
      signed({ type: 'user.created', data: { id: 42 } }),
    );
    expect(res.status).toBe(400);
  });
});

import { createHmac } from 'node:crypto';
import request from 'supertest';
import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import canceledCallback from './fixtures/twilio/task-canceled-callback.json';
import canceledHangup from './fixtures/twilio/task-canceled-hangup.json';
import completed from './fixtures/twilio/task-completed.json';
import created from './fixtures/twilio/task-created.json';
import accepted from './fixtures/twilio/reservation-accepted.json';
import activityUpdate from './fixtures/twilio/worker-activity-update.json';
import targetMatched from './fixtures/twilio/workflow-target-matched.json';
import wrapup from './fixtures/twilio/task-wrapup.json';

const AUTH_TOKEN = '9f86d081884c7d659a2feaa0c55ad015';
const PUBLIC_URL = 'https://hotline.example.com';
const PATH = '/v1/adapters/twilio/taskrouter';
const TASK = created.TaskSid;

/**
 * Signs as Twilio does, written out here rather than borrowed from the code under test: HMAC-SHA1
 * of the URL followed by each parameter's name and value, sorted by name, in Base64.
 */
function twilioSignature(url: string, params: Record<string, string>, authToken = AUTH_TOKEN): string {
  const data = Object.keys(params)
    .sort()
    .reduce((signed, name) => signed + name + params[name], url);
  return createHmac('sha1', authToken).update(data).digest('base64');
}

describe('intake: Twilio TaskRouter and Voice callbacks (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let adminToken: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];

  /** Twilio calls intake through a proxy at PUBLIC_URL, which is the URL it signs. */
  const callback = (
    params: Record<string, string>,
    { tenant = 'acme', signature, path = PATH, extraQuery = '' }: { tenant?: string; signature?: string; path?: string; extraQuery?: string } = {},
  ) => {
    const query = `?tenant=${tenant}${extraQuery}`;
    return svc.http()
      .post(path + query)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Twilio-Signature', signature ?? twilioSignature(PUBLIC_URL + path + query, params))
      .send(new URLSearchParams(params).toString());
  };
  const count = async (table: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.${table}`))[0].n);
  const pending = () => count('outbox');
  const publishedWith = (id: string) => published().filter((event) => event.id === id);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true, env: { INTAKE_PUBLIC_URL: PUBLIC_URL } });
    adminToken = await svc.token({ tenant: '_platform', roles: ['admin'] });
  });

  afterAll(() => svc?.stop());

  describe('the tenant auth token (admin API)', () => {
    const put = (body: object, token = adminToken, tenant = 'acme') =>
      svc.http().put(`/v1/admin/tenants/${tenant}/credentials/twilio`).set('Authorization', `Bearer ${token}`).send(body);

    it('is set by an admin, stored encrypted, and never returned', async () => {
      const res = await put({ authToken: AUTH_TOKEN }).expect(204);
      expect(res.text).toBe('');
      const [row] = await svc.db.query(`SELECT secret_ciphertext FROM intake.platform_credentials WHERE tenant_id = 'acme' AND platform = 'twilio'`);
      expect(row.secret_ciphertext).toMatch(/^v1\./);
      expect(row.secret_ciphertext).not.toContain(AUTH_TOKEN);
    });

    it('is refused to non-admins and without a usable token', async () => {
      const supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
      await put({ authToken: 'f'.repeat(32) }, supervisor).expect(403);
      const otherTenantsAdmin = await svc.token({ tenant: 'globex', roles: ['admin'] });
      await put({ authToken: 'f'.repeat(32) }, otherTenantsAdmin).expect(403);
      await svc.http().put('/v1/admin/tenants/acme/credentials/twilio').send({ authToken: 'f'.repeat(32) }).expect(401);
      const invalid = await put({ authToken: 'short' }).expect(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ path: 'authToken' })]);
      await put({}).expect(400);
    });
  });

  it('publishes queued, answered, ended and completed, at the callbacks’ own times, from a signed sequence', async () => {
    // task.completed overtakes task.wrapup: each is still its own milestone, the wrap-up no duplicate.
    for (const [params, id] of [
      [created, `twilio:${TASK}:queued`],
      [accepted, `twilio:${TASK}:answered`],
      [completed, `twilio:${TASK}:completed`],
      [wrapup, `twilio:${TASK}:ended`],
    ] as const) {
      const res = await callback(params).expect(202);
      expect(res.body).toEqual({ accepted: [id], duplicates: [] });
    }
    await eventually(async () =>
      expect(published().map((e) => e.id)).toEqual(expect.arrayContaining([`twilio:${TASK}:ended`, `twilio:${TASK}:completed`])),
    );
    const byType = Object.fromEntries(published().filter((e) => e.data['contactId'] === TASK).map((e) => [e.type, e]));
    expect(byType['contact.queued']).toMatchObject({
      tenantid: 'acme',
      time: '2026-11-25T01:30:00.123Z',
      data: { channel: 'voice', queue: 'Billing', direction: 'inbound', callSid: 'CA9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6' },
    });
    expect(byType['contact.answered']).toMatchObject({
      time: '2026-11-25T01:30:12.623Z',
      data: { agentId: 'WK4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091' },
    });
    expect(byType['contact.ended']).toMatchObject({ time: '2026-11-25T01:34:30.000Z', data: { queue: 'Billing' } });
    expect(byType['contact.completed']).toMatchObject({ time: '2026-11-25T01:35:00.456Z', data: { completedReason: 'Call ended; wrap-up done' } });
    const [delivery] = await svc.db.query(`SELECT adapter, payload, event_ids FROM intake.deliveries WHERE $1 = ANY(event_ids)`, [
      `twilio:${TASK}:queued`,
    ]);
    expect(delivery).toMatchObject({ adapter: 'twilio-taskrouter', payload: { EventType: 'task.created', TaskSid: TASK } });
  });

  it('answers a retried callback as a duplicate and publishes nothing again', async () => {
    const res = await callback(created).expect(202);
    expect(res.body).toEqual({ accepted: [], duplicates: [`twilio:${TASK}:queued`] });
    await eventually(async () => expect(await pending()).toBe(0));
    expect(publishedWith(`twilio:${TASK}:queued`)).toHaveLength(1);
  });

  it('counts a hang-up in the queue as abandoned, and a caller who chose a callback as not abandoned', async () => {
    await callback(canceledHangup).expect(202, { accepted: [`twilio:${canceledHangup.TaskSid}:abandoned`], duplicates: [] });
    await callback(canceledCallback).expect(202, { accepted: [`twilio:${canceledCallback.TaskSid}:ended`], duplicates: [] });
    await eventually(async () => expect(publishedWith(`twilio:${canceledCallback.TaskSid}:ended`)).toHaveLength(1));
    expect(publishedWith(`twilio:${canceledCallback.TaskSid}:ended`)[0].data).toMatchObject({ disconnectReason: 'callback_requested' });
    expect(published().filter((e) => e.type === 'contact.abandoned').map((e) => e.data['contactId'])).toEqual([canceledHangup.TaskSid]);
  });

  it('publishes an agent status change', async () => {
    await callback(activityUpdate).expect(202);
    await eventually(async () =>
      expect(published().find((e) => e.type === 'agent.status_changed')).toMatchObject({
        time: '2026-11-25T01:43:20.789Z',
        data: { agentId: activityUpdate.WorkerSid, status: 'away' },
      }),
    );
  });

  describe('Voice callbacks (POST /v1/adapters/twilio/voice)', () => {
    const VOICE = '/v1/adapters/twilio/voice';
    const call = { AccountSid: 'AC0123456789abcdef0123456789abcdef', CallSid: 'CA7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e', Direction: 'inbound', From: '+14155550123', To: '+14155559876' };
    const queue = { QueueSid: 'QU5ef8732a3c49700934481addd5ce1659' };

    it('keeps the wait going with TwiML and publishes queued at the moment the caller entered the queue', async () => {
      const before = Date.now();
      const res = await callback({ ...call, ...queue, QueuePosition: '1', QueueTime: '12' }, { path: VOICE, extraQuery: '&queue=billing' }).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.text).toContain('<Pause length="10"/>');
      await eventually(async () => expect(publishedWith(`twilio:${call.CallSid}:queued`)).toHaveLength(1));
      const [queued] = publishedWith(`twilio:${call.CallSid}:queued`);
      expect(queued.data).toMatchObject({ channel: 'voice', queue: 'billing', direction: 'inbound' });
      const enteredAt = Date.parse(queued.time);
      expect(enteredAt).toBeLessThanOrEqual(Date.now() - 12_000);
      expect(enteredAt).toBeGreaterThanOrEqual(before - 12_000);
    });

    it('publishes answered from the <Queue> url with the platform’s wait, then ended from the status callback', async () => {
      const dequeued = await callback({ ...call, ...queue, QueueTime: '27', DequeingCallSid: 'CA99aa88bb77cc66dd55ee44ff33aa22bb' }, { path: VOICE, extraQuery: '&queue=billing&agent=alice' }).expect(200);
      expect(dequeued.text).toContain('<Response/>');
      const ended = await callback({ ...call, CallStatus: 'completed', CallDuration: '327', Timestamp: 'Wed, 25 Nov 2026 01:35:10 +0000' }, { path: VOICE }).expect(202);
      expect(ended.body).toEqual({ accepted: [`twilio:${call.CallSid}:ended`], duplicates: [] });
      await eventually(async () => expect(publishedWith(`twilio:${call.CallSid}:ended`)).toHaveLength(1));
      expect(publishedWith(`twilio:${call.CallSid}:answered`)[0].data).toMatchObject({ agentId: 'alice', queue: 'billing', waitSeconds: 27 });
      expect(publishedWith(`twilio:${call.CallSid}:ended`)[0]).toMatchObject({ time: '2026-11-25T01:35:10.000Z', data: { disconnectReason: 'completed', callDurationSeconds: 327 } });
    });

    it('refuses an unsigned callback (403) and names what a callback lacks (422), storing nothing', async () => {
      const events = await count('events');
      await callback({ ...call, CallStatus: 'completed' }, { path: VOICE, signature: 'forged' }).expect(403);
      const missingAgent = await callback({ ...call, ...queue, QueueTime: '5', DequeingCallSid: 'CA1' }, { path: VOICE }).expect(422);
      expect(missingAgent.body.errors).toEqual([expect.objectContaining({ path: 'query.agent' })]);
      expect(await count('events')).toBe(events);
    });
  });

  describe('refuses, storing nothing,', () => {
    const forged = { ...created, TaskSid: 'WTffffffffffffffffffffffffffffffff', ResourceSid: 'WTffffffffffffffffffffffffffffffff' };
    let before: { events: number; deliveries: number };

    beforeEach(async () => {
      before = { events: await count('events'), deliveries: await count('deliveries') };
    });

    afterEach(async () => {
      expect({ events: await count('events'), deliveries: await count('deliveries') }).toEqual(before);
    });

    it('a bad or missing signature with 403', async () => {
      const res = await callback(forged, { signature: twilioSignature(PUBLIC_URL + PATH + '?tenant=acme', forged, 'f'.repeat(32)) }).expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      // Signed right, then altered in transit.
      await callback({ ...forged, TaskQueueName: 'VIP' }, { signature: twilioSignature(PUBLIC_URL + PATH + '?tenant=acme', forged) }).expect(403);
      await svc.http()
        .post(`${PATH}?tenant=acme`)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(new URLSearchParams(forged).toString())
        .expect(403);
    });

    it('a signature over another URL than the public one with 403', async () => {
      const host = `127.0.0.1:${svc.port}`;
      await callback(forged, { signature: twilioSignature(`http://${host}${PATH}?tenant=acme`, forged) }).expect(403);
    });

    it('a tenant without a Twilio credential, or none at all, with the same 403', async () => {
      const signedForGlobex = twilioSignature(PUBLIC_URL + PATH + '?tenant=globex', forged);
      const globex = await callback(forged, { tenant: 'globex', signature: signedForGlobex }).expect(403);
      const acme = await callback(forged, { signature: 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' }).expect(403);
      expect(globex.body.detail).toBe(acme.body.detail);
      await svc.http()
        .post(PATH)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('X-Twilio-Signature', twilioSignature(PUBLIC_URL + PATH, forged))
        .send(new URLSearchParams(forged).toString())
        .expect(403);
    });

    it('repeated forged callbacks from one client as one access.denied event (bad_signature)', async () => {
      for (let i = 0; i < 5; i++) await callback(forged, { signature: 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' }).expect(403);
      await eventually(async () => {
        const denied = published().filter((e) => e.type === 'access.denied');
        expect(denied).toHaveLength(1);
        expect(denied[0].data).toMatchObject({ reason: 'bad_signature', route: 'POST /v1/adapters/twilio/taskrouter' });
      });
    });

    it('an event type with no contact meaning with 200, naming it ignored', async () => {
      await callback(targetMatched).expect(200, { accepted: [], ignored: 'workflow.target-matched' });
    });

    it('a mapped event type that lacks what it needs with 422 naming every missing field', async () => {
      const { TaskSid: _sid, TimestampMs: _ms, Timestamp: _s, ...incomplete } = forged;
      const res = await callback(incomplete).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 422, type: 'urn:hotline:problem:unmappable-record' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['TaskSid', 'TimestampMs']);
    });

    it('a signed body that is not form-encoded with 415', async () => {
      await svc.http()
        .post(`${PATH}?tenant=acme`)
        .set('X-Twilio-Signature', twilioSignature(PUBLIC_URL + PATH + '?tenant=acme', {}))
        .send({ EventType: 'task.created' })
        .expect(415);
    });
  });

  describe('authenticates before anything else: an unsigned caller learns nothing', () => {
    const unsigned = (query: string) => svc.http().post(PATH + query);
    const expectForbidden = (res: request.Response) => {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toBe('The request is not signed by the Twilio account of this tenant.');
    };

    it('whatever the content type or body, 403 rather than 415 or 422', async () => {
      expectForbidden(await unsigned('?tenant=acme').send({ EventType: 'task.created' }));
      expectForbidden(await unsigned('?tenant=acme').set('Content-Type', 'text/plain').send('EventType=task.created'));
      expectForbidden(await unsigned('?tenant=acme').set('Content-Type', 'application/xml').send('<x/>'));
      expectForbidden(await unsigned('?tenant=acme').set('Content-Type', 'application/x-www-form-urlencoded').send(''));
      expectForbidden(await unsigned('?tenant=acme').set('X-Twilio-Signature', 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==').send({ a: 1 }));
    });

    it('for a missing, repeated, empty or over-long tenant, with the same 403', async () => {
      const form = new URLSearchParams(created).toString();
      for (const query of ['', '?tenant=', '?tenant[]=a&tenant[]=b', '?tenant=acme&tenant=acme', `?tenant=${'a'.repeat(201)}`]) {
        const res = await unsigned(query)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .set('X-Twilio-Signature', twilioSignature(PUBLIC_URL + PATH + query, created))
          .send(form);
        expectForbidden(res);
      }
    });

    it('a NUL or malformed encoding in the tenant with a 400 naming query.tenant, never a 5xx', async () => {
      for (const query of ['?tenant=%00', '?tenant=ac%00me', '?tenant=%ZZ', '?tenant=%ED%A0%80']) {
        const res = await unsigned(query).set('Content-Type', 'application/x-www-form-urlencoded').send(new URLSearchParams(created).toString());
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors).toEqual([{ path: 'query.tenant', message: expect.any(String) }]);
      }
    });

    it('the admin credentials route refuses a NUL in the tenant with a 400 naming it', async () => {
      const res = await svc.http()
        .put('/v1/admin/tenants/%00/credentials/twilio')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ authToken: AUTH_TOKEN })
        .expect(400);
      expect(res.body.errors).toEqual([{ path: 'params.tenantId', message: 'must not contain NUL (U+0000)' }]);
    });
  });
});

import { createHmac } from 'node:crypto';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, publishToBus, SseClient, WebhookReceiver } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AlertStreamFeed } from '../src/alert-delivery/alert-stream-feed';
import { AppModule } from '../src/app.module';

const raised = (tenantId: string, alertId: string, id?: string): CloudEvent =>
  newCloudEvent({
    type: 'alert.raised',
    source: '/hotline/quality',
    tenantId,
    ...(id ? { id } : {}),
    data: { alertId, kind: 'service-level', severity: 'warning', summary: `Service level under target (${alertId})`, labels: { queue: 'billing' } },
  });

const resolved = (tenantId: string, alertId: string): CloudEvent =>
  newCloudEvent({ type: 'alert.resolved', source: '/hotline/quality', tenantId, data: { alertId, resolvedAt: '2026-11-30T08:00:00Z' } });

/** The Standard Webhooks check a receiver makes, written out here apart from the service's signer. */
function expectSignedBy(secret: string, request: { headers: Record<string, unknown>; body: string }): void {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  expect(request.headers['webhook-signature']).toBe(`v1,${expected}`);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
}

describe('quality: alert delivery by SSE and signed webhooks (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  const streams: SseClient[] = [];
  const receivers: WebhookReceiver[] = [];
  const tokens: Record<string, string> = {};

  const open = async (tenant: string, lastEventId?: string) => {
    const client = await SseClient.open(svc.port, tokens[tenant], lastEventId);
    streams.push(client);
    return client;
  };
  const receiver = async (answer?: (n: number) => number | 'hang') => {
    const r = await WebhookReceiver.start(answer);
    receivers.push(r);
    return r;
  };
  const logged = async (eventId: string): Promise<number> => {
    const rows: { n: number }[] = await svc.db.query(`SELECT count(*)::int AS n FROM quality.alert_notifications WHERE event_id = $1`, [eventId]);
    return rows[0].n;
  };
  const register = (tenant: string, body: object) => svc.http().post('/v1/webhooks').auth(tokens[tenant], { type: 'bearer' }).send(body);
  const deliveries = (tenant: string, webhookId: string) =>
    svc.http().get(`/v1/webhooks/${webhookId}/deliveries`).auth(tokens[tenant], { type: 'bearer' });

  beforeAll(async () => {
    svc = await startService(AppModule, {
      name: 'quality',
      consumer: 'quality',
      env: {
        QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS: '0.3',
        QUALITY_WEBHOOK_RETRY_BASE_SECONDS: '0.2',
        QUALITY_WEBHOOK_MAX_ATTEMPTS: '3',
        QUALITY_WEBHOOK_TIMEOUT_SECONDS: '0.5',
        // Test only: the receivers listen on loopback; and a private range and a name, to show the allow-list admits them.
        QUALITY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,10.20.0.0/16,hooks.internal',
      },
    });
    for (const tenant of ['acme', 'globex', 'hooks', 'retry', 'slow', 'dead', 'ssrf']) tokens[tenant] = await svc.token({ tenant, roles: ['supervisor'] });
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    for (const r of receivers) await r.close();
    await svc?.stop();
  });

  describe('GET /v1/alerts/stream', () => {
    let firstId = '';

    it("streams the tenant's alert event with its log id, and nothing to another tenant", async () => {
      const acme = await open('acme');
      const globex = await open('globex');
      expect(acme.status).toBe(200);
      expect(acme.contentType).toMatch(/^text\/event-stream/);
      const a1 = raised('acme', 'A1');
      await publishToBus(svc.env.namespace, [a1]);
      await eventually(async () => expect(acme.events).toHaveLength(1));
      const [event] = acme.events;
      expect(event.event).toBe('alert.raised');
      expect(event.id).toMatch(/^\d+$/);
      expect(JSON.parse(event.data)).toEqual({
        type: 'alert.raised',
        timestamp: new Date(a1.time).toISOString(),
        data: { ...(a1.data as object), notificationId: event.id },
      });
      firstId = event.id ?? '';
      // Heartbeats show the other stream is alive; it saw no event of acme's.
      await eventually(async () => expect(globex.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2));
      expect(globex.events).toEqual([]);
      // Clients that go away leave nothing subscribed behind them.
      expect(svc.app.get(AlertStreamFeed).openStreams).toBe(2);
      acme.close();
      globex.close();
      await eventually(async () => expect(svc.app.get(AlertStreamFeed).openStreams).toBe(0));
    });

    it('replays only what was missed after Last-Event-ID, then tails live', async () => {
      const missed = [raised('acme', 'A2'), resolved('acme', 'A1'), raised('globex', 'G1')];
      await publishToBus(svc.env.namespace, missed);
      await eventually(async () => {
        for (const e of missed) expect(await logged(e.id)).toBe(1);
      });
      const resumed = await open('acme', firstId);
      await eventually(async () => expect(resumed.events).toHaveLength(2));
      expect(resumed.events.map((e) => e.event)).toEqual(['alert.raised', 'alert.resolved']);
      expect(resumed.data().map((d) => d.data['alertId'])).toEqual(['A2', 'A1']);
      expect(Number(resumed.events[0].id)).toBeGreaterThan(Number(firstId));
      expect(Number(resumed.events[1].id)).toBeGreaterThan(Number(resumed.events[0].id));

      await publishToBus(svc.env.namespace, [raised('acme', 'A3')]);
      await eventually(async () => expect(resumed.data().map((d) => d.data['alertId'])).toEqual(['A2', 'A1', 'A3']));
      resumed.close();
    });

    it('tails live on another replica of the service, woken from the shared database', async () => {
      // A second quality process on the same database, without a consumer: only the first logs.
      const replica = await startService(AppModule, { name: 'quality', env: { DATABASE_URL: svc.env.db.url } });
      try {
        const stream = await SseClient.open(replica.port, await replica.token({ tenant: 'acme', roles: ['supervisor'] }));
        streams.push(stream);
        await publishToBus(svc.env.namespace, [raised('acme', 'R-A1'), raised('globex', 'R-G1')]);
        await eventually(async () => expect(stream.data().map((d) => d.data['alertId'])).toEqual(['R-A1']));
        stream.close();
      } finally {
        await replica.stop();
      }
    });

    it('logs and streams a redelivered event once', async () => {
      const stream = await open('acme');
      const twice = raised('acme', 'A4');
      const after = raised('acme', 'A5');
      await publishToBus(svc.env.namespace, [twice, twice]);
      await publishToBus(svc.env.namespace, [twice, after]);
      await eventually(async () => expect(stream.data().map((d) => d.data['alertId'])).toEqual(['A4', 'A5']));
      expect(await logged(twice.id)).toBe(1);
      stream.close();
    });

    it('refuses a Last-Event-ID that is not one of its ids, naming the header', async () => {
      const res = await svc.http().get('/v1/alerts/stream').set('Last-Event-ID', 'abc').auth(tokens['acme'], { type: 'bearer' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'headers.last-event-id' })]);
    });

    it('refuses callers without credentials, and agents', async () => {
      await svc.http().get('/v1/alerts/stream').expect(401);
      const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
      await svc.http().get('/v1/alerts/stream').auth(agent, { type: 'bearer' }).expect(403);
    });
  });

  describe('signed webhooks', () => {
    it('registers a webhook, answering its whsec_ secret once, and posts each alert signed the Standard Webhooks way', async () => {
      const hooks = await receiver();
      const created = (await register('hooks', { url: hooks.url, description: 'on-call pager' }).expect(201)).body;
      expect(created).toMatchObject({ url: hooks.url, events: null, description: 'on-call pager', id: expect.any(String) });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const listed = (await svc.http().get('/v1/webhooks').auth(tokens['hooks'], { type: 'bearer' }).expect(200)).body;
      expect(listed).toEqual([{ ...created, secret: undefined }].map(({ secret: _, ...rest }) => rest));
      expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));

      const event = raised('hooks', 'H1');
      await publishToBus(svc.env.namespace, [event]);
      await eventually(async () => expect(hooks.requests).toHaveLength(1));
      const [request] = hooks.requests;
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expectSignedBy(created.secret, request);
      expect(JSON.parse(request.body)).toMatchObject({ type: 'alert.raised', data: { alertId: 'H1', summary: expect.any(String) } });

      await eventually(async () => {
        const log = (await deliveries('hooks', created.id).expect(200)).body;
        expect(log).toEqual([
          expect.objectContaining({ id: request.headers['webhook-id'], status: 'succeeded', eventType: 'alert.raised', alertId: 'H1', nextAttemptAt: null }),
        ]);
        expect(log[0].attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null })]);
      });
      // Other tenants see none of it.
      expect((await svc.http().get('/v1/webhooks').auth(tokens['acme'], { type: 'bearer' }).expect(200)).body).toEqual([]);
      await deliveries('acme', created.id).expect(404);
    });

    it('retries a 500 with the same webhook-id, and the log shows both attempts', async () => {
      const flaky = await receiver((n) => (n === 0 ? 500 : 200));
      const created = (await register('retry', { url: flaky.url, events: ['alert.raised'], description: 'flaky' }).expect(201)).body;
      await publishToBus(svc.env.namespace, [resolved('retry', 'R0'), raised('retry', 'R1')]);
      await eventually(async () => {
        const [delivery] = (await deliveries('retry', created.id).expect(200)).body;
        expect(delivery).toMatchObject({ status: 'succeeded', alertId: 'R1', lastStatusCode: 200, lastError: null });
        expect(delivery.attempts.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error])).toEqual([
          [500, 'answered 500'],
          [200, null],
        ]);
      });
      expect(flaky.requests).toHaveLength(2); // alert.resolved is not among its events
      const [first, second] = flaky.requests;
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(second.body).toBe(first.body);
      expectSignedBy(created.secret, first);
      expectSignedBy(created.secret, second);
    });

    it('counts a receiver that does not answer in time as a failure, and tries again', async () => {
      const slow = await receiver((n) => (n === 0 ? 'hang' : 204));
      const created = (await register('slow', { url: slow.url, description: 'slow' }).expect(201)).body;
      await publishToBus(svc.env.namespace, [raised('slow', 'S1')]);
      await eventually(async () => {
        const [delivery] = (await deliveries('slow', created.id).expect(200)).body;
        expect(delivery.status).toBe('succeeded');
        expect(delivery.attempts.map((a: { statusCode: number | null; error: string | null }) => [a.statusCode, a.error])).toEqual([
          [null, 'no answer within 500 ms'],
          [204, null],
        ]);
      });
    });

    it('parks a delivery as failed once its attempts are spent (nothing listening)', async () => {
      const gone = await receiver();
      await gone.close();
      const created = (await register('dead', { url: gone.url, description: 'gone' }).expect(201)).body;
      await publishToBus(svc.env.namespace, [raised('dead', 'D1')]);
      await eventually(async () => {
        const [delivery] = (await deliveries('dead', created.id).expect(200)).body;
        expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null, lastStatusCode: null, lastError: expect.stringMatching(/^connect ECONNREFUSED 127\.0\.0\.1:/) });
        expect(delivery.attempts).toHaveLength(3);
      });
    });

    it('refuses URLs that are not http(s) with 422, and malformed bodies with 400, naming the field', async () => {
      const ftp = await register('hooks', { url: 'ftp://example.com/x', description: 'no' }).expect(422);
      expect(ftp.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ftp.body.errors).toEqual([expect.objectContaining({ path: 'url' })]);
      const missing = await register('hooks', { url: 'https://example.com/x' }).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'description' })]);
      const unknownEvent = await register('hooks', { url: 'https://example.com/x', description: 'x', events: ['case.opened'] }).expect(400);
      expect(unknownEvent.body.errors[0].path).toBe('events.0');
      const agent = await svc.token({ tenant: 'hooks', roles: ['agent'] });
      await svc.http().post('/v1/webhooks').auth(agent, { type: 'bearer' }).send({ url: 'https://example.com/x', description: 'x' }).expect(403);
      expect((await svc.http().get('/v1/webhooks').auth(tokens['hooks'], { type: 'bearer' }).expect(200)).body).toHaveLength(1);
    });

    it('refuses URLs whose host is or resolves to an internal address with 400 naming url, unless the allow-list admits it', async () => {
      for (const url of ['http://10.9.9.9/hooks', 'http://169.254.169.254/latest/meta-data/', 'https://[::1]:8443/x', 'http://[::ffff:192.168.0.1]/x', 'http://100.64.0.1/x', 'http://0.0.0.0:80/x']) {
        const refused = await register('ssrf', { url, description: 'internal' }).expect(400);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body.errors).toEqual([{ path: 'url', message: expect.stringMatching(/address: webhooks may not reach internal addresses unless QUALITY_WEBHOOK_ALLOWED_HOSTS admits the host$/) }]);
      }
      // localhost resolves to the allowed 127.0.0.1; 10.20.0.0/16 and hooks.internal are allowed.
      for (const url of ['http://localhost:9/x', 'http://10.20.1.2/hooks', 'https://hooks.internal/x']) await register('ssrf', { url, events: ['alert.raised'], description: 'allowed' }).expect(201);
      expect((await svc.http().get('/v1/webhooks').auth(tokens['ssrf'], { type: 'bearer' }).expect(200)).body).toHaveLength(3);
    });

    it('checks the address again when delivering: a forbidden one is refused, logged with its reason and not retried', async () => {
      const hooks = await receiver();
      const created = (await register('ssrf', { url: hooks.url, events: ['alert.resolved'], description: 'moved inside' }).expect(201)).body;
      // As a webhook registered before the check existed: its URL now names a forbidden address.
      const inside = hooks.url.replace('127.0.0.1', '127.0.0.2');
      await svc.db.query(`UPDATE quality.webhooks SET url = $1 WHERE id = $2`, [inside, created.id]);
      await publishToBus(svc.env.namespace, [resolved('ssrf', 'X1')]);
      await eventually(async () => {
        const [delivery] = (await deliveries('ssrf', created.id).expect(200)).body;
        expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null, lastStatusCode: null, lastError: 'refused: 127.0.0.2 is a loopback address' });
        expect(delivery.attempts).toHaveLength(1);
      });
      expect(hooks.requests).toEqual([]);
    });

    it("deletes a webhook of the caller's tenant only, auditing its registration and removal (never its secret)", async () => {
      const tap = await BusTap.open(svc.env.namespace);
      try {
        const created = (await register('globex', { url: 'https://example.com/globex?token=t0p', description: 'to delete' }).expect(201)).body;
        await svc.http().delete(`/v1/webhooks/${created.id}`).auth(tokens['acme'], { type: 'bearer' }).expect(404);
        await svc.http().delete('/v1/webhooks/not-a-uuid').auth(tokens['globex'], { type: 'bearer' }).expect(400);
        await svc.http().delete(`/v1/webhooks/${created.id}`).auth(tokens['globex'], { type: 'bearer' }).expect(204);
        expect((await svc.http().get('/v1/webhooks').auth(tokens['globex'], { type: 'bearer' }).expect(200)).body).toEqual([]);

        const audits = () => tap.events.filter((e) => e.type === 'audit.recorded' && e.subject === created.id);
        await eventually(async () => expect(audits()).toHaveLength(2));
        const actor = { id: 'dev-user', kind: 'user', roles: ['supervisor'] };
        expect(audits().map((e) => ({ tenant: e.tenantid, data: e.data }))).toEqual([
          { tenant: 'globex', data: expect.objectContaining({ action: 'webhook.create', actor, subject: { type: 'webhook', id: created.id }, after: { origin: 'https://example.com', events: null }, service: 'quality' }) },
          { tenant: 'globex', data: expect.objectContaining({ action: 'webhook.delete', actor, subject: { type: 'webhook', id: created.id }, before: { origin: 'https://example.com', events: null }, service: 'quality' }) },
        ]);
        const audited = JSON.stringify(audits());
        expect(audited).not.toContain(created.secret.slice(6));
        expect(audited).not.toContain('t0p');
      } finally {
        await tap.close();
      }
    });
  });
});

import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { deadLetterQueueName, queueName, retryQueueName, type ServiceName, withNamespace } from '@hotline/contracts';
import { DEFAULT_RETRY_DELAYS_MS } from '@hotline/messaging';
import { signDevToken } from '@hotline/platform';
import { eventually, isolatedEnvironment, type IsolatedEnvironment, metricValue, publishToBus } from '@hotline/testing';
import { ServiceProcess } from './service-process';

/**
 * The thin path through all four built services, each in its own process: intake accepts an
 * event and its outbox relay publishes it (before any consumer has started); dispatch, quality and security each apply it once,
 * even when it is posted twice and delivered twice; the correlation id and the caller's W3C trace
 * id follow it into every log.
 */
describe('full stack: intake → RabbitMQ → dispatch, quality, security', () => {
  let env: IsolatedEnvironment;
  const services: Record<string, ServiceProcess> = {};
  let apiKey: string;
  let token: string;
  // Read once isolatedEnvironment() has pointed process.env at this test's database and namespace.
  const processEnv = () => ({ ...process.env, LOG_LEVEL: 'debug', NODE_ENV: 'test' });
  const consumerQueues: [ServiceName, string][] = [
    ['dispatch', 'cases'],
    ['quality', 'kpis'],
    ['security', 'audit'],
    ['dispatch', 'standards'],
    ['quality', 'standards'],
    ['security', 'standards'],
  ];

  beforeAll(async () => {
    env = await isolatedEnvironment();
    // Intake alone first: what it publishes before any consumer has ever run must still arrive.
    services.intake = await ServiceProcess.start('intake', processEnv());
    await services.intake.waitUntilReady();
    // The key as an operator gets one: from intake's admin API, which owns intake.api_keys.
    const operator = await signDevToken({ tenant: '*', roles: ['admin'], secret: env.jwtSecret });
    const created = await request(services.intake.url).post('/v1/admin/tenants/acme/api-keys').auth(operator, { type: 'bearer' }).send({ name: 'e2e' });
    expect(created.status).toBe(201);
    apiKey = created.body.key;
    token = await signDevToken({ tenant: 'acme', roles: ['supervisor', 'security', 'agent'], secret: env.jwtSecret });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    const queues = consumerQueues.flatMap(([service, purpose]) => {
      const queue = withNamespace(queueName(service, purpose), env.namespace);
      return [queue, deadLetterQueueName(queue), ...DEFAULT_RETRY_DELAYS_MS.map((ms) => retryQueueName(queue, ms))];
    });
    await env?.teardown(queues);
  });

  /** How often `service` consumed events of `type` with `outcome`; on one of its queues when `purpose` names it. */
  const handled = async (service: string, type: string, outcome: 'handled' | 'duplicate' = 'handled', purpose?: string) =>
    metricValue((await request(services[service].url).get('/metrics')).text, 'hotline_events_consumed_total', {
      type,
      outcome,
      ...(purpose ? { queue: withNamespace(queueName(service as ServiceName, purpose), env.namespace) } : {}),
    });
  const get = async (service: string, path: string) =>
    (await request(services[service].url).get(path).auth(token, { type: 'bearer' }).expect(200)).body;

  it('applies a posted event once in each consumer, however often it is posted or delivered', async () => {
    const correlationId = `e2e-${env.namespace}`;
    const traceId = randomBytes(16).toString('hex');
    const events = [
      {
        id: 'evt-case-1',
        source: '/e2e',
        type: 'case.opened',
        time: '2026-11-25T08:00:00Z',
        data: { caseId: 'CASE-9', type: 'network_fault', priority: 'P1', summary: 'Base station down' },
      },
      {
        id: 'evt-contact-1',
        source: '/e2e',
        type: 'contact.queued',
        time: '2026-11-25T08:00:00Z',
        data: { contactId: 'C-9', channel: 'voice', queue: 'faults', direction: 'inbound' },
      },
    ];
    const post = () =>
      request(services.intake.url)
        .post('/v1/events')
        .set('Authorization', `Bearer ${apiKey}`)
        .set('X-Correlation-Id', correlationId)
        .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
        .send({ events });

    expect((await post().expect(202)).body).toEqual({ accepted: ['evt-case-1', 'evt-contact-1'], duplicates: [] });
    expect((await post().expect(202)).body).toEqual({ accepted: [], duplicates: ['evt-case-1', 'evt-contact-1'] });
    await eventually(async () => {
      const metrics = (await request(services.intake.url).get('/metrics')).text;
      // The two events once each (the API key's creation also published its audit.recorded).
      expect(metricValue(metrics, 'hotline_events_published_total', { type: 'case.opened' })).toBe(1);
      expect(metricValue(metrics, 'hotline_events_published_total', { type: 'contact.queued' })).toBe(1);
    });

    // The consumers start only now; their queues were declared by intake's publisher.
    for (const name of ['dispatch', 'quality', 'security']) {
      services[name] = await ServiceProcess.start(name, processEnv());
      await services[name].waitUntilReady();
    }

    // Wait for the relay's publish to land everywhere, then deliver both events a second time.
    await eventually(async () => {
      expect(await handled('dispatch', 'case.opened')).toBe(1);
      // Quality's KPIs and its alerts each take contact events on a queue of their own.
      expect(await handled('quality', 'contact.queued', 'handled', 'kpis')).toBe(1);
      expect(await handled('quality', 'contact.queued', 'handled', 'alerts')).toBe(1);
      expect(await handled('security', 'case.opened') + (await handled('security', 'contact.queued'))).toBe(2);
    }, { timeoutMs: 20_000 });
    const [stored] = await Promise.all([
      new DataSource({ type: 'postgres', url: env.db.url }).initialize().then(async (db) => {
        const rows = await db.query(`SELECT payload FROM intake.events ORDER BY event_id`);
        await db.destroy();
        return rows.map((r: { payload: { id: string; type: string } }) => r.payload);
      }),
    ]);
    await publishToBus(env.namespace, stored);
    await eventually(async () => {
      expect(await handled('dispatch', 'case.opened', 'duplicate')).toBe(1);
      expect(await handled('quality', 'contact.queued', 'duplicate', 'kpis')).toBe(1);
      expect(await handled('quality', 'contact.queued', 'duplicate', 'alerts')).toBe(1);
      expect(await handled('security', 'case.opened', 'duplicate') + (await handled('security', 'contact.queued', 'duplicate'))).toBe(2);
    }, { timeoutMs: 20_000 });
    expect(await handled('dispatch', 'case.opened')).toBe(1);

    const kase = await get('dispatch', '/v1/cases/CASE-9');
    expect(kase).toMatchObject({ caseId: 'CASE-9', stage: 'acceptance' });
    // One opening event, however often it came; the case's SLA clocks have their own timeline items.
    const timeline = (await get('dispatch', '/v1/cases/CASE-9/timeline')).items as { kind: string }[];
    expect(timeline.filter((item) => item.kind === 'event')).toHaveLength(1);
    expect(timeline.some((item) => item.kind === 'clock')).toBe(true);
    expect(await get('quality', '/v1/kpis/contact-tallies?day=2026-11-25')).toEqual([
      expect.objectContaining({ queue: 'faults', queued: 1, answered: 0 }),
    ]);
    // The contact was queued days ago and never answered: dispatch judges it at once, flagged late
    // (never paged as live), as it judges the case's clocks; security chains those verdicts after the two posted events.
    expect(await get('dispatch', '/v1/contacts/C-9/sla')).toMatchObject({ state: 'waiting', breached: true, late: true });
    await eventually(async () => {
      const verified = await get('security', '/v1/audit/verify');
      expect(verified.intact).toBe(true);
      expect(verified.entries).toBeGreaterThanOrEqual(3);
    });

    for (const name of ['intake', 'dispatch', 'quality', 'security']) {
      expect(services[name].lines.some((line) => line.includes(`"correlationId":"${correlationId}"`))).toBe(true);
      // The caller's W3C trace too: intake's request span, then each consumer's handler span.
      expect(services[name].lines.some((line) => line.includes(`"traceId":"${traceId}"`))).toBe(true);
    }
  }, 60_000);

  it("publishes a tenant's standards version from intake's admin API to every consumer (DESIGN decision 11)", async () => {
    const admin = await signDevToken({ tenant: 'acme', roles: ['admin'], secret: env.jwtSecret });
    const version = { effectiveFrom: '2026-01-01T00:00:00+08:00', standards: { 'answer-time': { kind: 'deadline', seconds: 20 } } };
    await request(services.intake.url).put('/v1/admin/tenants/acme/standards/3').auth(admin, { type: 'bearer' }).send(version).expect(201);
    await eventually(async () => {
      for (const name of ['dispatch', 'quality', 'security']) {
        const held = await get(name, '/v1/standards?at=2026-03-01T00:00:00Z');
        expect({ name, inForce: held.inForce.version, versions: held.versions.length }).toEqual({ name, inForce: 'acme:3@1', versions: 1 });
      }
    }, { timeoutMs: 20_000 });
  });

  it('shuts every service down gracefully on SIGTERM', async () => {
    for (const service of Object.values(services)) {
      expect(await service.stop()).toEqual({ code: null, signal: 'SIGTERM' });
      expect(service.lines.at(-1)).toContain('stopped cleanly on SIGTERM');
    }
  });
});

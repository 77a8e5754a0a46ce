import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

// Open alerts are judged again every second here (15 s by default), so a cleared condition resolves quickly.
process.env['QUALITY_ALERT_RECHECK_SECONDS'] = '1';

type AlertBody = { alertId: string; state: string; count: number; silencedBy: string | null; paged: boolean; history: { kind: string; published?: string }[] };

describe('quality: live alerts from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tap: BusTap;
  const tokens = new Map<string, string>();
  const api = (tenant: string, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
    const req = svc.http()[method](path).auth(tokens.get(tenant) as string, { type: 'bearer' });
    return body ? req.send(body) : req;
  };
  const published = (type: string, tenant: string) => tap.events.filter((e) => e.type === type && e.tenantid === tenant);
  const handled = async () => metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.alerts`, outcome: 'handled' });

  /** `n` contacts in `queue` of `tenant`, queued 2 min before `now`: answered after 5 s, or abandoned after 60 s. */
  let seq = 0;
  const contacts = (tenant: string, queue: string, n: number, outcome: 'answered' | 'abandoned', now = Date.now()): CloudEvent[] =>
    Array.from({ length: n }, () => {
      const contactId = `c${++seq}`;
      const queuedAt = now - 120_000;
      const event = (type: 'contact.queued' | 'contact.answered' | 'contact.abandoned', at: number, data: object) =>
        newCloudEvent({ type, source: '/test', tenantId: tenant, time: new Date(at).toISOString(), data: data as never });
      return [
        event('contact.queued', queuedAt, { contactId, channel: 'voice', queue, direction: 'inbound', region: 'north' }),
        outcome === 'answered' ? event('contact.answered', queuedAt + 5_000, { contactId, agentId: 'a1' }) : event('contact.abandoned', queuedAt + 60_000, { contactId }),
      ];
    }).flat();

  const rule = {
    severity: 'critical',
    condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'queue' },
    groupBy: ['rule'],
    resolveAfterSeconds: 1,
    escalateAfterSeconds: 3600,
  };

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    tap = await BusTap.open(svc.env.namespace);
    for (const tenant of ['acme', 'globex', 'initech', 'soylent', 'newco']) tokens.set(tenant, await svc.token({ tenant, roles: ['supervisor'] }));
    for (const tenant of ['acme', 'globex', 'initech', 'soylent']) await api(tenant, 'put', '/v1/alert-rules/sl-under-target', rule).expect(201);
  });

  afterAll(async () => {
    await tap?.close();
    await svc?.stop();
  });

  it('refuses a rule that could never fire, naming the field (422)', async () => {
    const res = await api('acme', 'put', '/v1/alert-rules/broken', { ...rule, condition: { ...rule.condition, target: 0 } }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.condition.target' })]);
    const rules = await api('acme', 'get', '/v1/alert-rules').expect(200);
    expect(rules.body.items.map((r: { rule: { ruleId: string } }) => r.rule.ruleId)).toEqual(['sl-under-target']);
  });

  it('raises once for a sustained slip, counts repeats, is acknowledged, and resolves itself when service recovers', async () => {
    // 10 answered in 5 s and 10 abandoned after 60 s: service level 50 % under 80 %, with the minimum 20 offered.
    await publishToBus(svc.env.namespace, contacts('acme', 'billing', 10, 'answered'));
    await publishToBus(svc.env.namespace, contacts('acme', 'billing', 10, 'abandoned'));
    await eventually(async () => expect(published('alert.raised', 'acme')).toHaveLength(1));
    const raised = published('alert.raised', 'acme')[0];
    expect(raised.data).toMatchObject({ ruleId: 'sl-under-target', scope: 'queue:billing', severity: 'critical', value: 0.5, threshold: 0.8, windowSeconds: 300, standardId: 'answer-time', clause: '2.1', labels: { queue: 'billing', region: 'north', rule: 'sl-under-target' } });
    const alertId = (raised.data as { alertId: string }).alertId;

    // More slipping contacts: the same alert counts them, no second page.
    await publishToBus(svc.env.namespace, contacts('acme', 'billing', 5, 'abandoned'));
    await eventually(async () => expect(((await api('acme', 'get', `/v1/alerts/${alertId}`).expect(200)).body as AlertBody).count).toBeGreaterThan(1));
    expect(published('alert.raised', 'acme')).toHaveLength(1);

    const acked = await api('acme', 'post', `/v1/alerts/${alertId}/ack`).expect(200);
    expect(acked.body).toMatchObject({ state: 'acknowledged', acknowledgedBy: { kind: 'user' } });
    await eventually(async () => expect(published('alert.updated', 'acme').map((e) => (e.data as { change: string }).change)).toEqual(['acknowledged']));

    // 80 answered in time: 90 of 105 within target, 85.7 %: clear, and resolved a second later.
    await publishToBus(svc.env.namespace, contacts('acme', 'billing', 80, 'answered'));
    await eventually(async () => expect(published('alert.resolved', 'acme')).toHaveLength(1), { timeoutMs: 20_000 });
    expect(published('alert.resolved', 'acme')[0].data).toMatchObject({ alertId, how: 'auto', ruleId: 'sl-under-target' });
    const done = (await api('acme', 'get', `/v1/alerts/${alertId}`).expect(200)).body as AlertBody;
    expect(done.state).toBe('resolved');
    expect(done.history.map((h) => h.kind)).toEqual(['raised', 'paged', 'acknowledged', 'cleared', 'resolved']);
    expect(done.history.filter((h) => h.published).map((h) => h.published)).toEqual(['alert.raised', 'alert.updated', 'alert.resolved']);
    const list = await api('acme', 'get', '/v1/alerts?state=resolved&limit=10').expect(200);
    expect(list.body).toEqual({ items: [expect.objectContaining({ alertId, state: 'resolved' })], nextCursor: null });
  });

  it('records a silenced alert and pages no one', async () => {
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const silence = await api('globex', 'post', '/v1/silences', { matchers: [{ label: 'queue', op: '=', value: 'billing' }], endsAt, reason: 'maintenance' }).expect(201);
    expect(silence.body).toMatchObject({ createdBy: expect.any(String), reason: 'maintenance', expiredAt: null });
    await publishToBus(svc.env.namespace, contacts('globex', 'billing', 20, 'abandoned'));
    await eventually(async () => {
      const open = (await api('globex', 'get', '/v1/alerts?state=open').expect(200)).body.items as AlertBody[];
      expect(open).toEqual([expect.objectContaining({ silencedBy: silence.body.silenceId, paged: false })]);
    });
    expect(published('alert.raised', 'globex')).toEqual([]);
  });

  it('tells delivery when a page already out is silenced, and when the silence is expired early', async () => {
    await publishToBus(svc.env.namespace, contacts('soylent', 'billing', 20, 'abandoned'));
    await eventually(async () => expect(published('alert.raised', 'soylent')).toHaveLength(1));
    const alertId = (published('alert.raised', 'soylent')[0].data as { alertId: string }).alertId;
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const silence = await api('soylent', 'post', '/v1/silences', { matchers: [{ label: 'region', value: 'north' }], endsAt, reason: 'known issue' }).expect(201);
    await eventually(async () => expect(published('alert.updated', 'soylent').map((e) => (e.data as { change: string }).change)).toEqual(['silenced']));
    const silenced = await api('soylent', 'get', `/v1/alerts/${alertId}`).expect(200);
    expect(silenced.body.silencedBy).toBe(silence.body.silenceId);
    const expired = await api('soylent', 'delete', `/v1/silences/${silence.body.silenceId}`).expect(200);
    expect(expired.body.expiredAt).not.toBeNull();
    await eventually(async () => expect(published('alert.updated', 'soylent').map((e) => (e.data as { change: string }).change)).toEqual(['silenced', 'unsilenced']));
    expect(published('alert.updated', 'soylent').every((e) => (e.data as { alertId: string }).alertId === alertId)).toBe(true);
  });

  it('judges a tenant without rules of its own by the built-in defaults: queue and tenant slips are one page', async () => {
    const rules = await api('newco', 'get', '/v1/alert-rules').expect(200);
    expect(rules.body.items.map((r: { rule: { ruleId: string }; custom: boolean }) => [r.rule.ruleId, r.custom])).toEqual([
      ['service-level-under-target', false],
      ['abandonment-surge', false],
      ['fault-response-breached', false],
      ['etiquette-score-low', false],
    ]);
    await publishToBus(svc.env.namespace, contacts('newco', 'billing', 20, 'abandoned'));
    await eventually(async () => expect(published('alert.updated', 'newco')).toHaveLength(1));
    expect(published('alert.raised', 'newco').map((e) => (e.data as { ruleId: string }).ruleId)).toEqual(['service-level-under-target']);
    expect(published('alert.updated', 'newco')[0].data).toMatchObject({ change: 'grouped', groupSize: 2 });
  });

  it('raises nothing for a backfill of last week', async () => {
    const before = await handled();
    const lastWeek = Date.now() - 7 * 24 * 3_600_000;
    await publishToBus(svc.env.namespace, contacts('initech', 'billing', 40, 'abandoned', lastWeek));
    await eventually(async () => expect((await handled()) - before).toBe(80));
    expect((await api('initech', 'get', '/v1/alerts').expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect(published('alert.raised', 'initech')).toEqual([]);
  });
});

import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

type AlertBody = { alertId: string; scope: string; state: string; inhibitedBy: string | null; paged: boolean; groupedUnder: string | null; escalationLevel: number };

describe('quality: alert grouping, inhibition, escalation, breaches and scores (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tap: BusTap;
  const tokens = new Map<string, string>();
  const api = (tenant: string, method: 'get' | 'put', path: string, body?: object) => {
    const req = svc.http()[method](path).auth(tokens.get(tenant) as string, { type: 'bearer' });
    return body ? req.send(body) : req;
  };
  const published = (type: string, tenant: string) => tap.events.filter((e) => e.type === type && e.tenantid === tenant);
  const data = (e: CloudEvent) => e.data as Record<string, unknown>;
  const openAlerts = async (tenant: string) => (await api(tenant, 'get', '/v1/alerts?state=open').expect(200)).body.items as AlertBody[];
  const handled = async () => metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.alerts`, outcome: 'handled' });
  const publishAndSettle = async (events: CloudEvent[]) => {
    const before = await handled();
    await publishToBus(svc.env.namespace, events);
    await eventually(async () => expect((await handled()) - before).toBe(events.length));
  };

  let seq = 0;
  const event = (tenant: string, type: string, at: number, body: object): CloudEvent =>
    newCloudEvent({ type: type as never, source: '/test', tenantId: tenant, time: new Date(at).toISOString(), data: body as never });
  /** 20 contacts abandoned after 60 s in `queue`: service level 0. */
  const slipping = (tenant: string, queue: string, region = 'north'): CloudEvent[] =>
    Array.from({ length: 20 }, () => {
      const contactId = `c${++seq}`;
      const at = Date.now() - 120_000;
      return [
        event(tenant, 'contact.queued', at, { contactId, channel: 'voice', queue, direction: 'inbound', region }),
        event(tenant, 'contact.abandoned', at + 60_000, { contactId }),
      ];
    }).flat();
  const slRule = (extra: object = {}) => ({
    severity: 'critical',
    condition: { kind: 'kpi-threshold', metric: 'serviceLevel', target: 0.8, windowSeconds: 300, minVolume: 20, scope: 'queue' },
    groupBy: ['rule'],
    resolveAfterSeconds: 600,
    ...extra,
  });
  const breach = (tenant: string, subjectId: string, extra: object = {}) =>
    event(tenant, 'sla.breached', Date.now(), {
      subjectType: 'case',
      subjectId,
      slaKind: 'response',
      startedAt: new Date(Date.now() - 900_000).toISOString(),
      deadline: new Date().toISOString(),
      standardId: 'network-fault-response',
      standardVersion: '1',
      clause: '2.3',
      ...extra,
    });

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    tap = await BusTap.open(svc.env.namespace);
    for (const tenant of ['hooli', 'umbrella', 'stark', 'wayne', 'lexcorp']) tokens.set(tenant, await svc.token({ tenant, roles: ['supervisor'] }));
    await api('hooli', 'put', '/v1/alert-rules/sl', slRule()).expect(201);
    await api('umbrella', 'put', '/v1/alert-rules/sl', slRule()).expect(201);
    await api('stark', 'put', '/v1/alert-rules/sl', slRule({ escalateAfterSeconds: 1, maxEscalationLevel: 2 })).expect(201);
    await api('wayne', 'put', '/v1/alert-rules/breaches', { severity: 'critical', condition: { kind: 'sla-breach', slaKinds: ['response'] }, resolveAfterSeconds: 3600 }).expect(201);
    await api('wayne', 'put', '/v1/alert-rules/low-score', { condition: { kind: 'low-score', below: 60 } }).expect(201);
    await api('lexcorp', 'put', '/v1/alert-rules/p1-breaches', { severity: 'critical', condition: { kind: 'sla-breach', priorities: ['P1'] }, resolveAfterSeconds: 3600 }).expect(201);
  });

  afterAll(async () => {
    await tap?.close();
    await svc?.stop();
  });

  it('groups a burst of slipping queues into one page: the first raises, the others attach to it', async () => {
    await publishToBus(svc.env.namespace, [...slipping('hooli', 'billing'), ...slipping('hooli', 'faults'), ...slipping('hooli', 'sales')]);
    await eventually(async () => expect(await openAlerts('hooli')).toHaveLength(3));
    await eventually(async () => expect(published('alert.updated', 'hooli')).toHaveLength(2));
    const raised = published('alert.raised', 'hooli');
    expect(raised).toHaveLength(1);
    const leader = data(raised[0])['alertId'];
    expect(published('alert.updated', 'hooli').map((e) => [data(e)['alertId'], data(e)['change']])).toEqual([
      [leader, 'grouped'],
      [leader, 'grouped'],
    ]);
    expect(published('alert.updated', 'hooli').map((e) => data(e)['groupSize'])).toEqual([2, 3]);
    const attached = (await openAlerts('hooli')).filter((a) => a.alertId !== leader);
    expect(attached.map((a) => a.groupedUnder)).toEqual([leader, leader]);
  });

  it('records, but does not page, queue slips in a region with an open major outage', async () => {
    await publishAndSettle([
      event('umbrella', 'audit.recorded', Date.now(), {
        actor: { id: 'ops-1', kind: 'user' },
        action: 'outage.declare',
        subject: { type: 'outage', id: 'outage:o1' },
        after: { state: 'open', region: 'north', severity: 'major' },
        service: 'dispatch',
      }),
    ]);
    await publishToBus(svc.env.namespace, [...slipping('umbrella', 'billing', 'north'), ...slipping('umbrella', 'faults', 'south')]);
    await eventually(async () => expect(await openAlerts('umbrella')).toHaveLength(2));
    const byScope = Object.fromEntries((await openAlerts('umbrella')).map((a) => [a.scope, a]));
    expect(byScope['queue:billing']).toMatchObject({ inhibitedBy: 'outage:o1', paged: false });
    expect(byScope['queue:faults']).toMatchObject({ inhibitedBy: null, paged: true });
    expect(published('alert.raised', 'umbrella').map((e) => data(e)['scope'])).toEqual(['queue:faults']);
  });

  it('escalates an unacknowledged page level by level, up to the rule’s last level', async () => {
    await publishToBus(svc.env.namespace, slipping('stark', 'billing'));
    await eventually(async () => expect(published('alert.updated', 'stark').map((e) => data(e)['escalationLevel'])).toEqual([1, 2]), { timeoutMs: 20_000 });
    expect(published('alert.updated', 'stark').map((e) => data(e)['change'])).toEqual(['escalated', 'escalated']);
    expect((await openAlerts('stark'))[0].escalationLevel).toBe(2);
  });

  it("raises for a breach of a P1 case under a rule for P1, not for a P3 case's nor a contact's (no priority)", async () => {
    // As dispatch publishes them: a case's sla.* events carry its priority, a contact's none.
    await publishAndSettle([
      breach('lexcorp', 'case-p1', { priority: 'P1' }),
      breach('lexcorp', 'case-p3', { priority: 'P3' }),
      breach('lexcorp', 'contact-1', { subjectType: 'contact', slaKind: 'answer', standardId: 'answer-time', clause: '2.1' }),
    ]);
    expect(published('alert.raised', 'lexcorp').map((e) => data(e)['scope'])).toEqual(['case:case-p1']);
    expect((await openAlerts('lexcorp')).map((a) => a.scope)).toEqual(['case:case-p1']);
  });

  it('raises for a live breach, not a late or outage-caused one, resolves it when withdrawn; and for a low score', async () => {
    await publishAndSettle([breach('wayne', 'case-1'), breach('wayne', 'case-2', { late: true }), breach('wayne', 'case-3', { causedByOutage: true })]);
    expect(published('alert.raised', 'wayne').map((e) => data(e)['scope'])).toEqual(['case:case-1']);
    expect((await openAlerts('wayne')).map((a) => [a.scope, a.inhibitedBy]).sort()).toEqual([
      ['case:case-1', null],
      ['case:case-3', 'caused-by-outage'],
    ]);
    await publishAndSettle([
      event('wayne', 'sla.withdrawn', Date.now(), { ...data(breach('wayne', 'case-1')), withdraws: 'sla.breached', reason: 'answered in time after all' }),
      event('wayne', 'contact.scored', Date.now(), { contactId: 'k1', agentId: 'a9', score: 40, deductions: [], standardId: 'etiquette', standardVersion: '1' }),
    ]);
    await eventually(async () => expect(published('alert.resolved', 'wayne').map((e) => data(e)['scope'])).toEqual(['case:case-1']));
    await eventually(async () => expect(published('alert.raised', 'wayne').map((e) => data(e)['scope'])).toEqual(['case:case-1', 'agent:a9']));
  });
});

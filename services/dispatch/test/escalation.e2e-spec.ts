import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { DeadLetters, MessagingNames } from '@hotline/messaging';
import { eventually, metricValue, publishToBus, TEST_AMQP_URL } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: escalation chains on breach and on demand (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'], subject: 'lead-1' });
    // The injected wait: acme's team lead has one second to acknowledge a response breach, the supervisor a minute.
    await putChain('network-fault-response', [
      { role: 'team_lead', waitSeconds: 1 },
      { role: 'supervisor', waitSeconds: 60 },
      { role: 'duty_manager', waitSeconds: 60 },
    ]).expect(200);
  });

  afterAll(() => svc?.stop());

  const putChain = (policyId: string, steps: unknown[], token = supervisor) =>
    svc.http().put(`/v1/escalation-chains/${policyId}`).auth(token, { type: 'bearer' }).send({ steps });
  const get = (path: string, token = agent) => svc.http().get(path).auth(token, { type: 'bearer' });
  const post = (path: string, body: object = {}, token = supervisor) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const handled = async (type: string) => (await metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type })) ?? 0;
  const published = (type: string, caseId: string): CloudEvent[] => svc.tap.events.filter((e) => e.type === type && e.subject === caseId);
  const levels = (caseId: string) => published('case.escalated', caseId).map((e) => (e.data as { level: number }).level);
  const timerOf = async (caseId: string) => (await svc.db.query(`SELECT due_at FROM dispatch.timers WHERE kind = 'escalation.step' AND key = $1`, [caseId]))[0];

  async function openCase(caseId: string): Promise<void> {
    const before = await handled('case.opened');
    const event = newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type: 'network_fault', priority: 'P1', summary: 'No signal', region: 'haidian' } });
    await publishToBus(svc.env.namespace, [event]);
    await eventually(async () => expect(await handled('case.opened')).toBe(before + 1));
  }

  /** A case breach as dispatch's case clocks publish it. */
  const breach = (caseId: string, extra: Record<string, unknown> = {}, standardId = 'network-fault-response') =>
    newCloudEvent({
      type: 'sla.breached',
      source: '/hotline/dispatch',
      tenantId: 'acme',
      data: { subjectType: 'case', subjectId: caseId, slaKind: 'response', startedAt: '2026-03-01T08:00:00Z', deadline: '2026-03-01T08:15:00Z', standardId, standardVersion: '1', clause: '2.2', ...extra },
    });

  it('pages level 1 on a breach and level 2 once the team lead’s wait runs out, a re-sent breach escalating once', async () => {
    await openCase('ESC-1');
    const breached = breach('ESC-1');
    await publishToBus(svc.env.namespace, [breached, breached, { ...breached, id: `${breached.id}-resent` }]);

    const first = await eventually(async () => {
      const [event] = published('case.escalated', 'ESC-1');
      expect(event).toBeDefined();
      return event;
    });
    expect(first.data).toEqual({ caseId: 'ESC-1', level: 1, reason: 'network-fault-response breached', standardId: 'network-fault-response', standardVersion: '1' });
    expect(first.causationid).toBe(breached.id);

    await eventually(async () => expect(levels('ESC-1')).toEqual([1, 2]), { timeoutMs: 15_000 });
    expect((published('case.escalated', 'ESC-1')[1].data as { reason: string }).reason).toBe('not acknowledged within 1 s at team_lead');
    await eventually(async () => expect(await handled('sla.breached')).toBeGreaterThanOrEqual(3));
    expect((await get('/v1/cases/ESC-1').expect(200)).body.escalationLevel).toBe(2);
    const escalation = (await get('/v1/cases/ESC-1/escalation').expect(200)).body;
    expect(escalation).toMatchObject({ level: 2, state: 'paging', pagedRole: 'supervisor', policyId: 'network-fault-response' });
    expect(Date.parse(escalation.nextAt)).toBeGreaterThan(Date.now() + 30_000);

    // The supervisor takes it on: the climb stops, the acknowledgement is audited, twice is once.
    const acked = await post('/v1/cases/ESC-1/escalation/acknowledge').expect(200);
    expect(acked.body).toMatchObject({ level: 2, state: 'acknowledged', nextAt: null, note: 'acknowledged by lead-1' });
    await post('/v1/cases/ESC-1/escalation/acknowledge').expect(200);
    expect(await timerOf('ESC-1')).toBeUndefined();
    await eventually(async () => {
      const audits = published('audit.recorded', 'ESC-1');
      expect(audits.map((a) => (a.data as { action: string }).action)).toEqual(['case.escalation_acknowledge']);
      expect(audits[0].data).toMatchObject({ actor: { id: 'lead-1', kind: 'user' } });
    });
    expect(levels('ESC-1')).toEqual([1, 2]);

    // Its timeline shows each step of the climb, the acknowledgement once.
    const steps = (await get('/v1/cases/ESC-1/timeline').expect(200)).body.items.filter((item: { kind: string }) => item.kind === 'escalation');
    expect(steps.map(({ event, level, reason, late, actorId }: Record<string, unknown>) => [event, level, reason, late, actorId])).toEqual([
      ['raised', 1, 'network-fault-response breached', false, null],
      ['raised', 2, 'not acknowledged within 1 s at team_lead', false, null],
      ['acknowledged', 2, 'acknowledged by lead-1', false, 'lead-1'],
    ]);
  });

  it('stops climbing once the case is resolved', async () => {
    await openCase('ESC-2');
    await putChain('fault-repair-town', [{ role: 'team_lead', waitSeconds: 2 }, { role: 'supervisor', waitSeconds: 60 }]).expect(200);
    await publishToBus(svc.env.namespace, [breach('ESC-2', { slaKind: 'repair' }, 'fault-repair-town')]);
    await eventually(async () => expect(levels('ESC-2')).toEqual([1]));
    for (const to of ['handling', 'follow_up']) await post('/v1/cases/ESC-2/transitions', { to, reason: 'fixed' }, agent).expect(200);
    // The timer fires and finds the case resolved: it stops, nothing is paged.
    await eventually(async () => expect(await timerOf('ESC-2')).toBeUndefined(), { timeoutMs: 15_000 });
    expect((await get('/v1/cases/ESC-2/escalation').expect(200)).body).toMatchObject({ level: 1, state: 'stopped', note: 'case follow_up' });
    expect(levels('ESC-2')).toEqual([1]);
  });

  it('records a late breach at level 1, marked late, paging no one further', async () => {
    await openCase('ESC-3');
    await publishToBus(svc.env.namespace, [breach('ESC-3', { late: true })]);
    const [event] = await eventually(async () => {
      const found = published('case.escalated', 'ESC-3');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event.data).toMatchObject({ level: 1, late: true });
    expect((await get('/v1/cases/ESC-3/escalation').expect(200)).body).toMatchObject({ state: 'stopped', note: 'late breach: recorded, not paged' });
    expect(await timerOf('ESC-3')).toBeUndefined();
  });

  it('escalates nothing for a breach caused by a declared outage', async () => {
    await openCase('ESC-6');
    const before = await handled('sla.breached');
    await publishToBus(svc.env.namespace, [breach('ESC-6', { causedByOutage: true })]);
    await eventually(async () => expect(await handled('sla.breached')).toBe(before + 1));
    expect((await get('/v1/cases/ESC-6/escalation').expect(200)).body).toMatchObject({ level: 0, state: 'none' });
    expect(published('case.escalated', 'ESC-6')).toEqual([]);
  });

  it('stops the climb when its breach is withdrawn', async () => {
    await putChain('equipment-fault-response', [{ role: 'team_lead', waitSeconds: 600 }, { role: 'supervisor', waitSeconds: 600 }]).expect(200);
    await openCase('ESC-4');
    const breached = breach('ESC-4', {}, 'equipment-fault-response');
    await publishToBus(svc.env.namespace, [breached]);
    await eventually(async () => expect(await timerOf('ESC-4')).toBeDefined());
    const { subjectId, startedAt, deadline, standardId, standardVersion } = breached.data as Record<string, string>;
    const withdrawn = newCloudEvent({
      type: 'sla.withdrawn',
      source: '/hotline/dispatch',
      tenantId: 'acme',
      data: { subjectType: 'case', subjectId, slaKind: 'response', startedAt, deadline, standardId, standardVersion, withdraws: 'sla.breached', reason: 'responded before the deadline' },
    });
    await publishToBus(svc.env.namespace, [withdrawn]);
    await eventually(async () => expect((await get('/v1/cases/ESC-4/escalation').expect(200)).body).toMatchObject({ level: 1, state: 'stopped', note: 'breach withdrawn' }));
    expect(await timerOf('ESC-4')).toBeUndefined();
  });

  it('dead-letters a breach of a case dispatch does not have, with its reason', async () => {
    const stray = breach('NO-SUCH-CASE');
    await publishToBus(svc.env.namespace, [stray]);
    const names = new MessagingNames(svc.env.namespace);
    const deadLetters = new DeadLetters(TEST_AMQP_URL, names);
    const queue = names.queue('dispatch', 'escalations');
    await eventually(async () => expect(await deadLetters.count(queue)).toBe(1), { timeoutMs: 15_000 });
    const [letter] = await deadLetters.list(queue);
    expect(letter).toMatchObject({ eventId: stray.id });
    expect(letter.lastError).toContain('NO-SUCH-CASE');
    expect(published('case.escalated', 'NO-SUCH-CASE')).toEqual([]);
  });

  it('raises a case one level on demand, audited with the actor; refuses bad input, wrong roles and the top', async () => {
    await openCase('ESC-5');
    const raised = await post('/v1/cases/ESC-5/escalations', { reason: 'hospital without phones' }).expect(200);
    expect(raised.body).toMatchObject({ caseId: 'ESC-5', level: 1, state: 'paging', pagedRole: 'team_lead', policyId: 'default', standardId: 'escalation-chain:default', standardVersion: 'builtin' });
    await eventually(async () => {
      expect(published('case.escalated', 'ESC-5').map((e) => e.data)).toEqual([
        { caseId: 'ESC-5', level: 1, reason: 'hospital without phones', standardId: 'escalation-chain:default', standardVersion: 'builtin' },
      ]);
      expect(published('audit.recorded', 'ESC-5').map((e) => e.data)).toEqual([
        expect.objectContaining({ actor: { id: 'lead-1', kind: 'user', roles: ['supervisor'] }, action: 'case.escalate', before: { level: 0 }, after: { level: 1 } }),
      ]);
    });

    const blank = await post('/v1/cases/ESC-5/escalations', { reason: ' ' }).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    await post('/v1/cases/ESC-5/escalations', { reason: 'help' }, agent).expect(403);
    await post('/v1/cases/NOPE/escalations', { reason: 'help' }).expect(404);

    await post('/v1/cases/ESC-5/escalations', { reason: 'still down' }).expect(200);
    await post('/v1/cases/ESC-5/escalations', { reason: 'still down' }).expect(200);
    const top = await post('/v1/cases/ESC-5/escalations', { reason: 'more' }).expect(409);
    expect(top.body).toMatchObject({ type: 'urn:hotline:problem:escalation-refused' });
    expect(top.body.detail).toContain('top of its chain');
    expect((await get('/v1/cases/ESC-5').expect(200)).body.escalationLevel).toBe(3);
  });

  it('serves the built-in chain until a tenant sets its own, and names the bad step of a chain', async () => {
    expect((await get('/v1/escalation-chains/default', supervisor).expect(200)).body).toEqual({
      policyId: 'default',
      steps: [
        { role: 'team_lead', waitSeconds: 1800 },
        { role: 'supervisor', waitSeconds: 3600 },
        { role: 'duty_manager', waitSeconds: 7200 },
      ],
      version: 'builtin',
    });
    expect((await get('/v1/escalation-chains/network-fault-response', supervisor).expect(200)).body.version).toBe('tenant:1');
    const other = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    expect((await get('/v1/escalation-chains/network-fault-response', other).expect(200)).body.version).toBe('builtin');

    const backwards = await putChain('default', [{ role: 'supervisor', waitSeconds: 60 }, { role: 'team_lead', waitSeconds: 60 }]).expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: 'steps.1.role' })]);
    await putChain('default', [{ role: 'team_lead', waitSeconds: 0 }]).expect(400);
    await putChain('no-such-policy', [{ role: 'team_lead', waitSeconds: 60 }]).expect(404);
    await putChain('default', [{ role: 'team_lead', waitSeconds: 60 }], agent).expect(403);
  });
});

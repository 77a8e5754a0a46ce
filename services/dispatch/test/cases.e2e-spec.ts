import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: cases through the stages (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'], subject: 'lead-1' });
  });

  afterAll(() => svc?.stop());

  const handled = async (type: string) => metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type });
  const get = (path: string, token = agent) => svc.http().get(path).auth(token, { type: 'bearer' });
  const move = (caseId: string, to: string, reason = `to ${to}`, token = agent) =>
    svc.http().post(`/v1/cases/${encodeURIComponent(caseId)}/transitions`).auth(token, { type: 'bearer' }).send({ to, reason });
  /** What dispatch published about a case (its events name the case as their subject). */
  const published = (type: string, caseId: string): CloudEvent[] => svc.tap.events.filter((e) => e.type === type && e.subject === caseId);

  /** Opens a case from the bus and waits until dispatch has it. */
  async function openCase(caseId: string, type: 'network_fault' | 'consultation' = 'network_fault'): Promise<void> {
    const before = (await handled('case.opened')) ?? 0;
    const event = newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type, priority: 'P1', summary: 'No signal in Haidian', region: 'beijing' } });
    await publishToBus(svc.env.namespace, [event]);
    await eventually(async () => expect(await handled('case.opened')).toBe(before + 1));
  }

  it('opens a case once when the same event is delivered twice, with the opening in its timeline', async () => {
    const opened = newCloudEvent({
      type: 'case.opened',
      source: '/test',
      tenantId: 'acme',
      data: { caseId: 'CASE-1', type: 'network_fault', priority: 'P1', summary: 'No signal in Haidian', region: 'beijing' },
    });
    await publishToBus(svc.env.namespace, [opened, opened]);
    await eventually(async () => expect(await handled('case.opened')).toBe(2));

    const res = await get('/v1/cases/CASE-1').expect(200);
    expect(res.body).toMatchObject({
      caseId: 'CASE-1',
      stage: 'acceptance',
      priority: 'P1',
      region: 'beijing',
      escalationLevel: 0,
      recordComplete: true,
      assignee: null,
      breached: false,
      allowedTransitions: ['handling', 'cancelled'],
      version: 1,
    });
    const timeline = await get('/v1/cases/CASE-1/timeline').expect(200);
    // A network fault runs its response and repair clocks from its opening; its record is complete, so that clock
    // stops before it starts (their own e2e: case-clocks.e2e-spec.ts).
    expect(res.body.openDeadlines.map((d: { policyId: string }) => d.policyId)).toEqual(['network-fault-response', 'fault-repair-town']);
    expect(timeline.body.items[0]).toEqual({ kind: 'event', at: opened.time, eventId: opened.id, eventType: 'case.opened' });
    expect(timeline.body.items.slice(1).map((item: { kind: string; event: string; policyId: string }) => [item.kind, item.event, item.policyId])).toEqual([
      ['clock', 'sla.started', 'fault-repair-town'],
      ['clock', 'sla.started', 'network-fault-response'],
      ['clock', 'sla.stopped', 'record-completion'],
    ]);
    expect(timeline.body.nextCursor).toBeNull();
  });

  it('takes a case through every stage to closed, recording and publishing each move', async () => {
    await openCase('CASE-2');
    const path = ['handling', 'follow_up', 'evaluation', 'closed'];
    for (const to of path) {
      const res = await move('CASE-2', to, `reason for ${to}`).expect(200);
      expect(res.body).toMatchObject({ caseId: 'CASE-2', stage: to });
    }
    const closed = (await get('/v1/cases/CASE-2').expect(200)).body;
    expect(closed).toMatchObject({ stage: 'closed', version: 5, allowedTransitions: ['reopened'] });

    const timeline = (await get('/v1/cases/CASE-2/timeline').expect(200)).body.items;
    const transitions = timeline.filter((item: { kind: string }) => item.kind === 'transition');
    expect(transitions.map((t: { from: string; to: string }) => `${t.from}→${t.to}`)).toEqual([
      'acceptance→handling',
      'handling→follow_up',
      'follow_up→evaluation',
      'evaluation→closed',
    ]);
    expect(transitions[0]).toMatchObject({ actor: { id: 'agent-7', kind: 'user', roles: ['agent'] }, reason: 'reason for handling', version: 2 });
    expect(Date.parse(transitions[3].at)).toBeGreaterThanOrEqual(Date.parse(transitions[0].at));

    await eventually(() => {
      expect(published('case.transitioned', 'CASE-2').map((e) => (e.data as { to: string }).to)).toEqual(path);
      expect(published('case.resolved', 'CASE-2')).toHaveLength(1);
      const audits = published('audit.recorded', 'CASE-2');
      expect(audits).toHaveLength(4);
      expect(audits[0].data).toMatchObject({
        actor: { id: 'agent-7', kind: 'user', roles: ['agent'] },
        action: 'case.transition',
        subject: { type: 'case', id: 'CASE-2' },
        before: { stage: 'acceptance' },
        after: { stage: 'handling' },
        service: 'dispatch',
      });
      return Promise.resolve();
    });

    // A closed case may reopen, and goes back to handling.
    await move('CASE-2', 'reopened', 'still no signal', supervisor).expect(200);
    expect((await move('CASE-2', 'handling', 'back on it', supervisor).expect(200)).body.stage).toBe('handling');

    // The timeline in pages of two is the whole timeline, in order, each item once.
    const whole = (await get('/v1/cases/CASE-2/timeline').expect(200)).body.items;
    expect(whole.filter((item: { kind: string }) => item.kind !== 'clock')).toHaveLength(7);
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (await get(`/v1/cases/CASE-2/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(whole);
  });

  it("publishes a transition's events with the request's correlation id", async () => {
    await openCase('CASE-6');
    await svc.http().post('/v1/cases/CASE-6/transitions').auth(agent, { type: 'bearer' }).set('X-Correlation-Id', 'req-case-6').send({ to: 'handling', reason: 'on it' }).expect(200);
    await eventually(() => {
      const events = [...published('case.transitioned', 'CASE-6'), ...published('audit.recorded', 'CASE-6')];
      expect(events.map((e) => e.correlationid)).toEqual(['req-case-6', 'req-case-6']);
      return Promise.resolve();
    });
  });

  it('refuses an illegal transition with a 409 naming the allowed stages, and changes nothing', async () => {
    await openCase('CASE-3');
    const res = await move('CASE-3', 'closed').expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:hotline:problem:illegal-transition', status: 409, stage: 'acceptance', allowed: ['handling', 'cancelled'] });
    expect(res.body.detail).toContain('allowed: handling, cancelled');
    expect((await get('/v1/cases/CASE-3').expect(200)).body).toMatchObject({ stage: 'acceptance', version: 1 });
    expect(published('case.transitioned', 'CASE-3')).toEqual([]);
  });

  it('applies one of two racing transitions and refuses the other with a 409', async () => {
    await openCase('CASE-4');
    // Both want acceptance → handling: the loser either lost the version race or sees handling → handling refused.
    const [a, b] = await Promise.all([move('CASE-4', 'handling', 'mine'), move('CASE-4', 'handling', 'no, mine', supervisor)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body).toMatchObject({ stage: 'handling', allowed: ['follow_up', 'cancelled'] });
    const transitions = (await get('/v1/cases/CASE-4/timeline').expect(200)).body.items.filter((item: { kind: string }) => item.kind === 'transition');
    expect(transitions).toHaveLength(1);
    expect((await get('/v1/cases/CASE-4').expect(200)).body.version).toBe(2);
  });

  it('refuses a move decided on a version another move has meanwhile changed, naming the current stage', async () => {
    await openCase('CASE-5');
    // Hold a committed-later move of the case's row, so the request decides on version 1 and then waits for the row.
    const runner = svc.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE dispatch.cases SET stage = 'cancelled', version = 2 WHERE tenant_id = 'acme' AND case_id = 'CASE-5'`);
      const request = move('CASE-5', 'handling', 'mine').then((res) => res);
      await eventually(async () => {
        const [{ waiting }] = await svc.db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        expect(waiting).toBe(1);
      });
      await runner.commitTransaction();
      const res = await request;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: 'urn:hotline:problem:case-changed', stage: 'cancelled', allowed: [] });
      expect(res.body.detail).toContain('now at cancelled');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const [{ count }] = await svc.db.query(`SELECT count(*)::int AS count FROM dispatch.case_transitions WHERE case_id = 'CASE-5'`);
    expect(count).toBe(0);
  });

  it('opens one case per fault under redelivery and a re-send, typed and graded from the report', async () => {
    const fault = newCloudEvent({
      type: 'fault.reported',
      source: '/test',
      tenantId: 'acme',
      data: { faultId: 'F-1', kind: 'network', severity: 'critical', region: 'haidian', description: 'Base station down' },
    });
    const resent = { ...fault, id: `${fault.id}-resent` };
    await publishToBus(svc.env.namespace, [fault, fault, resent]);
    await eventually(async () => expect(await handled('fault.reported')).toBe(3));

    const list = (await get('/v1/cases?type=network_fault&limit=100').expect(200)).body.items.filter((c: { caseId: string }) => c.caseId === 'fault:F-1');
    expect(list).toEqual([expect.objectContaining({ caseId: 'fault:F-1', type: 'network_fault', priority: 'P1', summary: 'Base station down', region: 'haidian', recordComplete: true })]);
    const events = (await get('/v1/cases/fault%3AF-1/timeline').expect(200)).body.items;
    expect(events.filter((e: { kind: string }) => e.kind === 'event').map((e: { eventId: string }) => e.eventId)).toEqual([fault.id, resent.id]);
  });

  it('opens a complaint case, its record incomplete without the customer', async () => {
    const complaint = newCloudEvent({ type: 'complaint.filed', source: '/test', tenantId: 'acme', data: { complaintId: 'K-1', category: 'billing', description: 'Charged twice' } });
    await publishToBus(svc.env.namespace, [complaint]);
    await eventually(async () => expect(await handled('complaint.filed')).toBe(1));
    const res = await get('/v1/cases/complaint%3AK-1').expect(200);
    expect(res.body).toMatchObject({ type: 'complaint', category: 'billing', stage: 'acceptance', recordComplete: false, priority: 'P3' });
    // Handled before its record is complete (先处理后记录).
    await move('complaint:K-1', 'handling', 'calling the customer back').expect(200);
  });

  it('lists cases by filter in keyset pages', async () => {
    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { caseId: string; stage: string }[]; nextCursor: string | null } = (
        await get(`/v1/cases?stage=acceptance&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(1);
      for (const item of page.items) expect(item.stage).toBe('acceptance');
      ids.push(...page.items.map((item) => item.caseId));
      cursor = page.nextCursor;
    }
    expect(ids).toEqual(expect.arrayContaining(['CASE-1', 'CASE-3', 'fault:F-1']));
    expect(new Set(ids).size).toBe(ids.length);
    expect((await get('/v1/cases?breached=true').expect(200)).body).toEqual({ items: [], nextCursor: null });
    expect((await get('/v1/cases?assignee=agent-7').expect(200)).body.items).toEqual([]);
  });

  it('names the bad field of a body or query with a 400', async () => {
    const badTo = await move('CASE-3', 'nowhere').expect(400);
    expect(badTo.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    const noReason = await svc.http().post('/v1/cases/CASE-3/transitions').auth(agent, { type: 'bearer' }).send({ to: 'handling' }).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await get('/v1/cases?stage=limbo').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.stage' })]);
    expect((await get('/v1/cases?cursor=nonsense').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await get('/v1/cases/CASE-1/timeline?limit=0').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
  });

  it('keeps tenants apart: another tenant sees 404 and moves nothing', async () => {
    const other = await svc.token({ tenant: 'globex', roles: ['agent', 'supervisor'] });
    const res = await get('/v1/cases/CASE-1', other).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    await get('/v1/cases/CASE-1/timeline', other).expect(404);
    await move('CASE-1', 'handling', 'not mine', other).expect(404);
    expect((await get('/v1/cases', other).expect(200)).body).toEqual({ items: [], nextCursor: null });
    await move('NO-SUCH-CASE', 'handling').expect(404);
    expect((await get('/v1/cases/CASE-1').expect(200)).body.stage).toBe('acceptance');
  });

  it('answers 401 without a token and 403 for a role without access', async () => {
    await svc.http().get('/v1/cases/CASE-1').expect(401);
    const security = await svc.token({ tenant: 'acme', roles: ['security'] });
    await get('/v1/cases/CASE-1', security).expect(403);
    const ops = await svc.token({ tenant: 'acme', roles: ['ops'] });
    await get('/v1/cases', ops).expect(200);
    await move('CASE-1', 'handling', 'ops may look, not move', ops).expect(403);
  });

  it('refuses a NUL in the case id with a 400 naming it, not a 500', async () => {
    const res = await get('/v1/cases/%00').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'params.caseId', message: 'must not contain NUL (U+0000)' }]);
    await get('/v1/cases/CASE%E0%A4').expect(400);
  });

  it('reports itself ready on /health with its database and broker up', async () => {
    const res = await svc.http().get('/health').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, broker: { status: 'up' } });
  });
});

import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { type CaseSignal, CaseSignals } from '../src/cases/case-signals';

describe('dispatch: complaints from filing to archive and export (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let agent: string;
  let supervisor: string;
  /** What the complaint routes reported to the case clocks' port (a no-op until the clocks are wired; called through). */
  const signalled: CaseSignal[] = [];

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'], subject: 'lead-1' });
    const signals = svc.app.get(CaseSignals);
    const record = signals.record.bind(signals);
    jest.spyOn(signals, 'record').mockImplementation(async (manager, batch) => {
      signalled.push(...batch);
      await record(manager, batch);
    });
  });

  afterAll(() => svc?.stop());

  const handled = async (type: string) => (await metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type })) ?? 0;
  const get = (path: string, token = agent) => svc.http().get(path).auth(token, { type: 'bearer' });
  const post = (path: string, body?: object, token = agent) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const complaint = (id: string, step = '') => `/v1/complaints/${encodeURIComponent(id)}${step}`;
  const move = (complaintId: string, to: string, token = agent) => post(`/v1/cases/complaint%3A${complaintId}/transitions`, { to, reason: `to ${to}` }, token);
  const published = (type: string, subject: string): CloudEvent[] => svc.tap.events.filter((e) => e.type === type && e.subject === subject);

  /** Files a complaint on the bus and waits until dispatch has opened its case. */
  async function file(complaintId: string, description = 'Charged twice for November'): Promise<CloudEvent> {
    const before = await handled('complaint.filed');
    const event = newCloudEvent({ type: 'complaint.filed', source: '/test', tenantId: 'acme', data: { complaintId, category: 'billing', description, customerId: 'cust-1' } });
    await publishToBus(svc.env.namespace, [event]);
    await eventually(async () => expect(await handled('complaint.filed')).toBe(before + 1));
    return event;
  }

  it('takes a complaint from filing through acknowledgement, communication, resolution and feedback to archive, then refuses every change', async () => {
    const filed = await file('K-1', 'Charged twice, "again"');
    const fresh = (await get(complaint('K-1')).expect(200)).body;
    expect(fresh).toMatchObject({ complaintId: 'K-1', state: 'filed', awaitingCustomer: false, acknowledgement: null, communications: [], resolution: null, feedback: null, archive: null });
    expect(fresh.case).toMatchObject({ caseId: 'complaint:K-1', type: 'complaint', stage: 'acceptance', archivedAt: null });

    const acknowledged = (await post(complaint('K-1', '/acknowledgement'), { note: 'Owner: agent 7', channel: 'phone' }).expect(200)).body;
    expect(acknowledged).toMatchObject({ state: 'acknowledged', acknowledgement: { note: 'Owner: agent 7', channel: 'phone', actor: { id: 'agent-7', kind: 'user', roles: ['agent'] } } });
    const again = await post(complaint('K-1', '/acknowledgement'), {}).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.type).toBe('urn:hotline:problem:complaint-already-acknowledged');

    // The case is still at acceptance: no resolution yet, and the 409 says why.
    const early = await post(complaint('K-1', '/resolution'), { resolution: 'Refunded' }).expect(409);
    expect(early.body).toMatchObject({ type: 'urn:hotline:problem:complaint-cannot-resolve', stage: 'acceptance' });
    expect(early.body.detail).toContain('only a case in handling resolves');
    await move('K-1', 'handling').expect(200);

    const asked = await post(complaint('K-1', '/communications'), { direction: 'outbound', channel: 'sms', summary: 'Please send the bill, page 2', awaitingCustomer: true }).expect(201);
    expect(asked.body).toMatchObject({ awaitingCustomer: true, communications: [{ direction: 'outbound', channel: 'sms', awaitingCustomer: true }] });
    const replied = (await post(complaint('K-1', '/communications'), { direction: 'inbound', channel: 'email', summary: 'Bill sent' }).expect(201)).body;
    expect(replied.awaitingCustomer).toBe(false);
    expect(replied.communications.map((c: { summary: string }) => c.summary)).toEqual(['Please send the bill, page 2', 'Bill sent']);

    expect((await post(complaint('K-1', '/feedback'), { satisfied: true }).expect(409)).body.type).toBe('urn:hotline:problem:complaint-not-resolved');
    const resolved = (await post(complaint('K-1', '/resolution'), { resolution: 'Refunded the second charge' }).expect(200)).body;
    expect(resolved).toMatchObject({ state: 'resolved', resolution: { resolution: 'Refunded the second charge' }, case: { stage: 'follow_up' } });
    const feedback = (await post(complaint('K-1', '/feedback'), { satisfied: false, comment: 'Took too long' }).expect(200)).body;
    expect(feedback.feedback).toMatchObject({ satisfied: false, comment: 'Took too long' });
    expect((await post(complaint('K-1', '/feedback'), { satisfied: true }).expect(409)).body.type).toBe('urn:hotline:problem:complaint-feedback-given');

    // Only a closed (or cancelled) case is archived, by a supervisor.
    expect((await post(complaint('K-1', '/archive'), undefined, supervisor).expect(409)).body).toMatchObject({ type: 'urn:hotline:problem:complaint-not-closed', stage: 'follow_up' });
    await move('K-1', 'evaluation').expect(200);
    await move('K-1', 'closed').expect(200);
    await post(complaint('K-1', '/archive'), undefined, agent).expect(403);
    const archived = (await post(complaint('K-1', '/archive'), undefined, supervisor).expect(200)).body;
    expect(archived).toMatchObject({ state: 'archived', archive: { actor: { id: 'lead-1' } }, case: { stage: 'closed', allowedTransitions: [] } });
    expect(archived.case.archivedAt).toBe(archived.archive.at);

    // Archived is immutable: every update and every move of its case is a 409, and nothing changes.
    const updates: [string, object | undefined, string][] = [
      ['/acknowledgement', {}, agent],
      ['/communications', { direction: 'inbound', channel: 'phone', summary: 'Still unhappy' }, agent],
      ['/resolution', { resolution: 'Again' }, agent],
      ['/feedback', { satisfied: true }, agent],
      ['/archive', undefined, supervisor],
    ];
    for (const [step, body, token] of updates) {
      const res = await post(complaint('K-1', step), body, token).expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('urn:hotline:problem:complaint-archived');
    }
    const reopen = await move('K-1', 'reopened', supervisor).expect(409);
    expect(reopen.body).toMatchObject({ type: 'urn:hotline:problem:case-archived', stage: 'closed', allowed: [] });
    expect((await get(complaint('K-1')).expect(200)).body).toEqual(archived);

    // The whole history, as JSON: filing, every stage move with actor and reason, every step.
    const json = await get(complaint('K-1', '/export'), supervisor).expect(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['content-disposition']).toBe('attachment; filename="complaint-K-1.json"');
    const history: { kind: string; [key: string]: unknown }[] = json.body.history;
    expect(json.body).toMatchObject({ complaintId: 'K-1', state: 'archived', case: { caseId: 'complaint:K-1', archivedAt: archived.archive.at } });
    expect(history.map((entry) => (entry.kind === 'transition' ? `${entry['from']}→${entry['to']}` : entry.kind))).toEqual([
      'filed',
      'acknowledgement',
      'acceptance→handling',
      'communication',
      'communication',
      'handling→follow_up',
      'resolution',
      'feedback',
      'follow_up→evaluation',
      'evaluation→closed',
      'archive',
    ]);
    expect(history[0]).toEqual({ kind: 'filed', at: filed.time, eventId: filed.id, eventType: 'complaint.filed', category: 'billing', description: 'Charged twice, "again"', customerId: 'cust-1' });
    expect(history[2]).toMatchObject({ actor: { id: 'agent-7', kind: 'user', roles: ['agent'] }, reason: 'to handling', version: 2 });
    expect(history[5]).toMatchObject({ reason: 'Refunded the second charge', at: resolved.resolution.at });

    // The same history as CSV: a header and one row per entry, quoted where needed.
    const csv = await get(complaint('K-1', '/export?format=csv'), supervisor).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="complaint-K-1.csv"');
    const rows = csv.text.split('\r\n');
    expect(rows[0]).toBe('at,kind,actor_id,actor_kind,actor_roles,from_stage,to_stage,direction,channel,awaiting_customer,satisfied,category,event_id,text');
    expect(rows).toHaveLength(history.length + 2); // the header, the rows, and the empty string after the last CRLF
    expect(rows[1]).toBe(`${filed.time},filed,,,,,,,,,,billing,${filed.id},"Charged twice, ""again"""`);
    expect(rows[4]).toBe(`${history[3].at},communication,agent-7,user,agent,,,outbound,sms,true,,,,"Please send the bill, page 2"`);
    expect(rows[11]).toBe(`${history[10].at},archive,lead-1,user,supervisor,,,,,,,,,`);

    // Each export is audited with its count of records, so security can catch a user exporting in bulk.
    await eventually(() => {
      expect(published('audit.recorded', 'K-1').map((e) => e.data)).toEqual([
        expect.objectContaining({ action: 'complaint.export', records: 1, actor: { id: 'lead-1', kind: 'user', roles: ['supervisor'] }, subject: { type: 'complaint', id: 'K-1' } }),
        expect.objectContaining({ action: 'complaint.export', records: 1 }),
      ]);
      return Promise.resolve();
    });

    // Each step published its audit record; the clocks heard the acknowledgement, the wait and the reply.
    await eventually(() => {
      expect(published('audit.recorded', 'complaint:K-1').map((e) => (e.data as { action: string }).action)).toEqual([
        'complaint.acknowledge',
        'case.transition',
        'complaint.communicate',
        'complaint.communicate',
        'case.transition',
        'complaint.resolve',
        'complaint.feedback',
        'case.transition',
        'case.transition',
        'complaint.archive',
      ]);
      expect(published('case.resolved', 'complaint:K-1')).toHaveLength(1);
      return Promise.resolve();
    });
    // The complaint's own facts, between the case's: its resolution reaches the clocks as any move does.
    expect(signalled.filter((s) => s.caseId === 'complaint:K-1').map((s) => s.signal)).toEqual([
      'opened',
      'record_completed',
      'complaint_acknowledged',
      'stage:handling',
      'waiting_on_customer',
      'customer_replied',
      'stage:follow_up',
      'resolved',
      'stage:evaluation',
      'stage:closed',
    ]);
  });

  it('applies one of two racing acknowledgements and refuses the other', async () => {
    await file('K-RACE');
    const [a, b] = await Promise.all([post(complaint('K-RACE', '/acknowledgement'), { note: 'mine' }), post(complaint('K-RACE', '/acknowledgement'), { note: 'no, mine' }, supervisor)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [{ count }] = await svc.db.query(`SELECT count(*)::int AS count FROM dispatch.complaint_entries WHERE complaint_id = 'K-RACE'`);
    expect(count).toBe(1);
  });

  it('resolves a complaint once when two resolutions race: the case moves once, the other is a 409', async () => {
    await file('K-TWICE');
    await move('K-TWICE', 'handling').expect(200);
    const [a, b] = await Promise.all([post(complaint('K-TWICE', '/resolution'), { resolution: 'Refunded' }), post(complaint('K-TWICE', '/resolution'), { resolution: 'Credited' }, supervisor)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body).toMatchObject({ type: 'urn:hotline:problem:complaint-cannot-resolve', stage: 'follow_up' });
    const history = (await get(complaint('K-TWICE', '/export'), supervisor).expect(200)).body.history.map((entry: { kind: string }) => entry.kind);
    expect(history).toEqual(['filed', 'transition', 'transition', 'resolution']);
  });

  it('refuses an archive decided before a reopening that committed first, archiving nothing', async () => {
    await file('K-REOPEN');
    for (const to of ['handling', 'follow_up', 'evaluation', 'closed']) await move('K-REOPEN', to).expect(200);
    // Hold a reopening of the case's row, so the archive decides on the closed case and then waits for the row.
    const runner = svc.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE dispatch.cases SET stage = 'reopened', version = version + 1 WHERE tenant_id = 'acme' AND case_id = 'complaint:K-REOPEN'`);
      const archive = post(complaint('K-REOPEN', '/archive'), undefined, supervisor).then((res) => res);
      await eventually(async () => {
        const [{ waiting }] = await svc.db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        expect(waiting).toBe(1);
      });
      await runner.commitTransaction();
      const res = await archive;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: 'urn:hotline:problem:case-changed', stage: 'reopened' });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const after = (await get(complaint('K-REOPEN')).expect(200)).body;
    expect(after).toMatchObject({ state: 'filed', archive: null, case: { stage: 'reopened', archivedAt: null } });
    expect(published('audit.recorded', 'complaint:K-REOPEN').map((e) => (e.data as { action: string }).action)).not.toContain('complaint.archive');
  });

  it('lists complaints by state, archived flag and stage, in keyset pages', async () => {
    await file('K-2');
    const ids = async (query: string) => (await get(`/v1/complaints?${query}`).expect(200)).body.items.map((item: { complaintId: string }) => item.complaintId);
    expect(await ids('state=archived')).toEqual(['K-1']);
    expect(await ids('archived=true')).toEqual(['K-1']);
    expect(await ids('archived=false')).toEqual(['K-RACE', 'K-TWICE', 'K-REOPEN', 'K-2']);
    expect(await ids('state=filed')).toEqual(['K-REOPEN', 'K-2']);
    expect(await ids('stage=closed')).toEqual(['K-1']);
    expect(await ids('stage=reopened')).toEqual(['K-REOPEN']);
    expect(await ids('state=resolved')).toEqual(['K-TWICE']);
    const first = (await get('/v1/complaints?limit=2').expect(200)).body;
    expect(first.items[0]).toMatchObject({ caseId: 'complaint:K-1', state: 'archived', stage: 'closed', category: 'billing', customerId: 'cust-1', awaitingCustomer: false });
    // Page by page, in twos: every complaint once, oldest filed first.
    const paged: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { complaintId: string }[]; nextCursor: string | null } = (await get(`/v1/complaints?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((item) => item.complaintId));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(['K-1', 'K-RACE', 'K-TWICE', 'K-REOPEN', 'K-2']);
    // Each page read is audited with its count (an empty page is not).
    await eventually(() => {
      const reads = published('audit.recorded', 'list').filter((e) => (e.data as { action: string }).action === 'complaint.read');
      expect(reads.map((e) => (e.data as { records: number }).records).slice(-3)).toEqual([2, 2, 1]);
      return Promise.resolve();
    });
  });

  it('names the bad field of a body or query with a 400, and changes nothing', async () => {
    const errors = async (res: Promise<{ body: { errors: { path: string }[] } }>) => (await res).body.errors.map((e) => e.path);
    expect(await errors(post(complaint('K-2', '/communications'), { channel: 'sms', summary: 'x' }).expect(400))).toEqual(['direction']);
    expect(await errors(post(complaint('K-2', '/communications'), { direction: 'inbound', channel: 'sms', summary: 'x', awaitingCustomer: true }).expect(400))).toEqual(['awaitingCustomer']);
    expect(await errors(post(complaint('K-2', '/communications'), { direction: 'outbound', channel: 'sms', summary: 'nul \u0000 here' }).expect(400))).toEqual(['summary']);
    expect(await errors(post(complaint('K-2', '/resolution'), { resolution: '  ' }).expect(400))).toEqual(['resolution']);
    expect(await errors(post(complaint('K-2', '/feedback'), { satisfied: 'yes' }).expect(400))).toEqual(['satisfied']);
    expect(await errors(post(complaint('K-2', '/acknowledgement'), { note: 'x', colour: 'red' }).expect(400))).toEqual(['']);
    expect(await errors(get('/v1/complaints?state=pending').expect(400))).toEqual(['query.state']);
    expect(await errors(get(complaint('K-2', '/export?format=xml'), supervisor).expect(400))).toEqual(['query.format']);
    expect((await get(complaint('K-2')).expect(200)).body).toMatchObject({ state: 'filed', communications: [] });
  });

  it('answers 404 for an unknown complaint, and for a case that is not a complaint', async () => {
    await get(complaint('NO-SUCH')).expect(404);
    // A case under a complaint's id that `complaint.filed` did not open (here a billing case) is no complaint.
    const before = await handled('case.opened');
    const billing = newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId: 'complaint:K-BILL', type: 'billing', priority: 'P3', summary: 'Wrong tariff' } });
    await publishToBus(svc.env.namespace, [billing]);
    await eventually(async () => expect(await handled('case.opened')).toBe(before + 1));
    await get(complaint('K-BILL')).expect(404);
    await post(complaint('K-BILL', '/acknowledgement'), {}).expect(404);
    expect((await get('/v1/complaints?limit=100').expect(200)).body.items.map((item: { complaintId: string }) => item.complaintId)).not.toContain('K-BILL');
    await post(complaint('NO-SUCH', '/acknowledgement'), {}).expect(404);
    await get(complaint('NO-SUCH', '/export'), supervisor).expect(404);
    const res = await post(complaint('NO-SUCH', '/archive'), undefined, supervisor).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps tenants apart: another tenant sees no complaint and changes none', async () => {
    const other = await svc.token({ tenant: 'globex', roles: ['agent', 'supervisor'] });
    expect((await get('/v1/complaints', other).expect(200)).body).toEqual({ items: [], nextCursor: null });
    await get(complaint('K-2'), other).expect(404);
    await get(complaint('K-1', '/export'), other).expect(404);
    await post(complaint('K-2', '/acknowledgement'), {}, other).expect(404);
    await post(complaint('K-2', '/communications'), { direction: 'inbound', channel: 'sms', summary: 'not mine' }, other).expect(404);
    expect((await get(complaint('K-2')).expect(200)).body).toMatchObject({ state: 'filed', acknowledgement: null, communications: [] });
  });

  it('lets agents work complaints and only supervisors archive and export them', async () => {
    const ops = await svc.token({ tenant: 'acme', roles: ['ops'] });
    await get('/v1/complaints', ops).expect(200);
    await post(complaint('K-2', '/acknowledgement'), {}, ops).expect(403);
    await get(complaint('K-1', '/export'), agent).expect(403);
    await svc.http().get('/v1/complaints').expect(401);
  });
});

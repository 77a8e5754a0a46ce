import { DataSource } from 'typeorm';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { OutageCoverage } from '../src/outages/outage-coverage';

describe('dispatch: major outages with their cases (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let agent: string;
  let ops: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    ops = await svc.token({ tenant: 'acme', roles: ['ops'], subject: 'ops-1' });
  });

  afterAll(() => svc?.stop());

  const handled = async (type: string) => (await metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type })) ?? 0;
  const get = (path: string, token = agent) => svc.http().get(path).auth(token, { type: 'bearer' });
  const post = (path: string, body: object, token = ops) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const published = (type: string, caseId: string): CloudEvent[] => svc.tap.events.filter((e) => e.type === type && e.subject === caseId);
  const stageOf = async (caseId: string) => (await get(`/v1/cases/${encodeURIComponent(caseId)}`).expect(200)).body.stage;

  async function deliver(event: CloudEvent): Promise<void> {
    const before = await handled(event.type);
    await publishToBus(svc.env.namespace, [event]);
    await eventually(async () => expect(await handled(event.type)).toBe(before + 1));
  }
  const openCase = (caseId: string, region: string) =>
    deliver(newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type: 'network_fault', priority: 'P2', summary: 'No signal', region } }));

  it('attaches the region’s cases to a declared outage, not one elsewhere, and resolves them with it', async () => {
    await openCase('O-1', 'chaoyang');
    await openCase('O-2', 'haidian');
    const declared = await post('/v1/outages', { region: 'chaoyang', severity: 'critical', description: 'Fibre ring cut' }).expect(201);
    const outageId: string = declared.body.outageId;
    expect(outageId).toMatch(/^outage:/);
    expect(declared.body).toMatchObject({ parentCaseId: outageId, region: 'chaoyang', severity: 'critical', kind: 'network', state: 'open', declaredBy: 'ops-1', cases: [{ caseId: 'O-1', stage: 'acceptance' }] });
    expect((await get(`/v1/cases/${encodeURIComponent(outageId)}`).expect(200)).body).toMatchObject({ type: 'network_fault', priority: 'P1', region: 'chaoyang', stage: 'acceptance' });

    // A case opened in the region while it is open joins it; one elsewhere does not.
    await openCase('O-3', 'chaoyang');
    await openCase('O-4', 'dongcheng');
    await post('/v1/cases/O-3/transitions', { to: 'handling', reason: 'on it' }, agent).expect(200);
    expect((await get(`/v1/outages/${encodeURIComponent(outageId)}`).expect(200)).body.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['O-1', 'O-3']);

    // The attachment is on each child's timeline, after the event that opened it; the case elsewhere has none.
    const timeline = async (caseId: string) => (await get(`/v1/cases/${caseId}/timeline`).expect(200)).body.items as { kind: string }[];
    const o3 = await timeline('O-3');
    expect(o3.filter((item) => item.kind === 'outage')).toEqual([{ kind: 'outage', at: expect.any(String), event: 'attached', outageId, region: 'chaoyang', severity: 'critical' }]);
    expect(o3.map((item) => item.kind).filter((kind) => kind !== 'clock')).toEqual(['event', 'outage', 'transition']);
    expect((await timeline('O-1')).filter((item) => item.kind === 'outage')).toEqual([expect.objectContaining({ outageId, at: declared.body.declaredAt })]);
    expect((await timeline('O-2')).filter((item) => item.kind === 'outage')).toEqual([]);

    const coverage = svc.app.get(OutageCoverage);
    const manager = svc.app.get(DataSource).manager;
    expect(await coverage.coveringOutage(manager, 'acme', 'O-1', new Date())).toBe(outageId);
    expect(await coverage.coveringOutage(manager, 'acme', 'O-2', new Date())).toBeUndefined();
    expect(await coverage.coveringOutage(manager, 'acme', 'O-1', new Date(Date.parse(declared.body.declaredAt) - 60_000))).toBeUndefined();

    const resolved = await post(`/v1/outages/${encodeURIComponent(outageId)}/resolution`, { reason: 'ring spliced' }).expect(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', cases: [{ caseId: 'O-1', stage: 'follow_up' }, { caseId: 'O-3', stage: 'follow_up' }] });
    expect(await stageOf(outageId)).toBe('follow_up');
    expect(await stageOf('O-2')).toBe('acceptance');
    expect(await stageOf('O-4')).toBe('acceptance');
    expect(await coverage.coveringOutage(manager, 'acme', 'O-1', new Date(Date.now() + 60_000))).toBeUndefined();

    await eventually(() => {
      const moves = published('case.transitioned', 'O-1').map((e) => e.data as { from: string; to: string; actor: unknown; reason: string });
      expect(moves.map((m) => `${m.from}→${m.to}`)).toEqual(['acceptance→handling', 'handling→follow_up']);
      for (const move of moves) expect(move).toMatchObject({ actor: { id: 'dispatch', kind: 'service' }, reason: `resolved with outage ${outageId}` });
      expect(published('case.resolved', 'O-1')).toHaveLength(1);
      expect(published('case.resolved', 'O-3')).toHaveLength(1);
      expect(published('case.resolved', outageId)).toHaveLength(1);
      expect(published('case.transitioned', outageId).map((e) => (e.data as { actor: { id: string } }).actor.id)).toEqual(['ops-1', 'ops-1']);
      expect(published('audit.recorded', outageId).map((e) => (e.data as { action: string }).action)).toContain('outage.declare');
      expect(published('case.transitioned', 'O-2')).toEqual([]);
      return Promise.resolve();
    });

    const again = await post(`/v1/outages/${encodeURIComponent(outageId)}/resolution`, { reason: 'again' }).expect(409);
    expect(again.body.type).toBe('urn:hotline:problem:outage-not-open');
  });

  it('declares an outage from a major fault (a minor one joins it), and resolving its case resolves the children', async () => {
    await deliver(newCloudEvent({ type: 'fault.reported', source: '/test', tenantId: 'acme', data: { faultId: 'F-9', kind: 'network', severity: 'major', region: 'xicheng', description: 'Core router down' } }));
    await deliver(newCloudEvent({ type: 'fault.reported', source: '/test', tenantId: 'acme', data: { faultId: 'F-10', kind: 'network', severity: 'minor', region: 'xicheng', description: 'One cell slow' } }));
    await openCase('O-5', 'xicheng');
    const outage = (await get('/v1/outages/fault%3AF-9').expect(200)).body;
    expect(outage).toMatchObject({ state: 'open', severity: 'major', declaredBy: 'fault F-9' });
    expect(outage.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['fault:F-10', 'O-5']);
    await get('/v1/outages/fault%3AF-10').expect(404);

    for (const to of ['handling', 'follow_up']) await post('/v1/cases/fault%3AF-9/transitions', { to, reason: 'router replaced' }, agent).expect(200);
    expect((await get('/v1/outages/fault%3AF-9').expect(200)).body).toMatchObject({ state: 'resolved', cases: [{ stage: 'follow_up' }, { stage: 'follow_up' }] });
  });

  it('lists outages in keyset pages and refuses bad input, wrong roles and unknown outages', async () => {
    const first = (await get('/v1/outages?limit=1').expect(200)).body;
    expect(first.items).toHaveLength(1);
    const second = (await get(`/v1/outages?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.items[0].outageId).not.toBe(first.items[0].outageId);
    expect((await get('/v1/outages?state=open').expect(200)).body.items).toEqual([]);
    await get('/v1/outages?state=bogus').expect(400);

    const minor = await post('/v1/outages', { region: 'chaoyang', severity: 'minor', description: 'x' }).expect(400);
    expect(minor.body.errors).toEqual([expect.objectContaining({ path: 'severity' })]);
    await post('/v1/outages', { region: 'chaoyang', severity: 'major', description: 'x' }, agent).expect(403);
    await get('/v1/outages/outage%3Anope').expect(404);
    await post('/v1/outages/outage%3Anope/resolution', { reason: 'x' }).expect(404);
    const other = await svc.token({ tenant: 'globex', roles: ['ops'] });
    expect((await get('/v1/outages', other).expect(200)).body.items).toEqual([]);
  });
});

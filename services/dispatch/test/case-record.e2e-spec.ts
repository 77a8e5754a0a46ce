import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** acme's record completion, tightened to 3 s (only tightening is allowed), so a missed record would breach within the test. */
const RECORD_SECONDS = 3;

describe("dispatch: completing a case's record (先处理后记录; real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;
  let agent: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    await tightenTenantStandards(svc, 'acme', agent, { 'record-completion': { kind: 'deadline', seconds: RECORD_SECONDS } });
  });

  afterAll(() => svc?.stop());

  const get = (path: string) => svc.http().get(path).auth(agent, { type: 'bearer' });
  const move = (caseId: string, to: string) => svc.http().post(`/v1/cases/${caseId}/transitions`).auth(agent, { type: 'bearer' }).send({ to, reason: `to ${to}` });
  const patch = (caseId: string, body: unknown, token = agent) => svc.http().patch(`/v1/cases/${caseId}/record`).auth(token, { type: 'bearer' }).send(body as object);
  type Item = { kind: string; event?: string; policyId?: string; signal?: string; inTime?: boolean };
  const timeline = async (caseId: string): Promise<Item[]> => (await get(`/v1/cases/${caseId}/timeline`).expect(200)).body.items;
  const recordTimer = async (caseId: string) =>
    (await svc.db.query(`SELECT due_at FROM dispatch.timers WHERE kind = 'sla.case' AND key = $1`, [`${caseId}/record-completion`]))[0] as { due_at: Date } | undefined;
  const openFault = async (caseId: string, data: Record<string, unknown> = {}) => {
    await publishToBus(svc.env.namespace, [
      newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type: 'network_fault', priority: 'P2', summary: 'Slow line', ...data } }),
    ]);
    await eventually(async () => expect((await get(`/v1/cases/${caseId}`)).status).toBe(200));
  };

  it('stops the record clock a fault without its region started at handling, once the region is recorded: no breach', async () => {
    await openFault('CASE-REC');
    await openFault('CASE-REC-MARKER');
    expect((await get('/v1/cases/CASE-REC').expect(200)).body.recordComplete).toBe(false);
    await move('CASE-REC', 'handling').expect(200);
    // The marker's record clock starts after this one's and is never stopped: once it breaches, this one would have.
    await move('CASE-REC-MARKER', 'handling').expect(200);
    expect(await recordTimer('CASE-REC')).toBeDefined();

    const patched = await patch('CASE-REC', { region: 'tongzhou', category: 'fibre' }).expect(200);
    expect(patched.body).toMatchObject({ region: 'tongzhou', category: 'fibre', recordComplete: true, version: 3, stage: 'handling' });
    expect(patched.body.openDeadlines.map((d: { policyId: string }) => d.policyId)).not.toContain('record-completion');
    expect(await recordTimer('CASE-REC')).toBeUndefined();

    const items = await timeline('CASE-REC');
    expect(items.filter((i) => i.kind === 'clock' && i.policyId === 'record-completion').map(({ event, signal, inTime }) => [event, signal, inTime])).toEqual([
      ['sla.started', 'stage:handling', undefined],
      ['sla.stopped', 'record_completed', true],
    ]);
    expect(items.filter((i) => i.kind === 'record')).toEqual([
      expect.objectContaining({
        actor: { id: 'agent-7', kind: 'user', roles: ['agent'] },
        changes: { region: { from: null, to: 'tongzhou' }, category: { from: null, to: 'fibre' } },
        recordComplete: true,
        version: 3,
      }),
    ]);
    const audit = await eventually(async () => {
      const found = svc.tap.events.filter((e) => e.type === 'audit.recorded' && (e.data as { action: string }).action === 'case.record' && e.subject === 'CASE-REC');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(audit.data).toMatchObject({ actor: { id: 'agent-7' }, before: { region: null }, after: { region: 'tongzhou', recordComplete: true } });

    const recordBreaches = (caseId: string) =>
      svc.tap.events.filter((e) => e.type === 'sla.breached' && (e.data as { subjectId: string }).subjectId === caseId && (e.data as { slaKind: string }).slaKind === 'record');
    await eventually(async () => expect(recordBreaches('CASE-REC-MARKER')).toHaveLength(1), { timeoutMs: 10_000 });
    expect(recordBreaches('CASE-REC')).toEqual([]);
    expect((await get('/v1/cases/CASE-REC').expect(200)).body.breached).toBe(false);
  });

  it('changes nothing for values the record already has', async () => {
    await openFault('CASE-SAME', { region: 'beijing' });
    const before = (await get('/v1/cases/CASE-SAME').expect(200)).body;
    expect((await patch('CASE-SAME', { region: 'beijing' }).expect(200)).body.version).toBe(before.version);
    expect((await timeline('CASE-SAME')).filter((i) => i.kind === 'record')).toEqual([]);
  });

  it('refuses a bad body with 400 naming the field, and changes nothing', async () => {
    await openFault('CASE-BAD');
    const empty = await patch('CASE-BAD', { region: '   ' }).expect(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: 'region' })]);
    const unknown = await patch('CASE-BAD', { stage: 'closed' }).expect(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('stage');
    await patch('CASE-BAD', {}).expect(400);
    expect((await get('/v1/cases/CASE-BAD').expect(200)).body).toMatchObject({ region: null, version: 1 });
  });

  it("answers 404 for another tenant's case and leaves it as it was", async () => {
    await openFault('CASE-ACME');
    const other = await svc.token({ tenant: 'globex', roles: ['agent', 'supervisor'] });
    await patch('CASE-ACME', { region: 'tongzhou' }, other).expect(404);
    expect((await get('/v1/cases/CASE-ACME').expect(200)).body).toMatchObject({ region: null, recordComplete: false, version: 1 });
  });

  it('answers 409 for a cancelled case, whose record is final', async () => {
    await openFault('CASE-GONE');
    await move('CASE-GONE', 'cancelled').expect(200);
    const refused = await patch('CASE-GONE', { region: 'tongzhou' }).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:hotline:problem:record-locked', stage: 'cancelled' });
  });
});

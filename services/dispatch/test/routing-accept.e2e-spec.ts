import { newCloudEvent } from '@hotline/contracts';
import type { Role } from '@hotline/platform';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** A 2-second accept time (ROUTING_ACCEPT_WITHIN_SECONDS), so lapses fall in seconds, not minutes. */
describe('dispatch: accepting, lapsing and reassigning assignments (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true, env: { ROUTING_ACCEPT_WITHIN_SECONDS: '2' } });
  });

  afterAll(() => svc?.stop());

  const as = async (tenant: string, roles: Role[], subject: string) => ({ type: 'bearer' as const, token: await svc.token({ tenant, roles, subject }) });
  const assignment = async (tenant: string, caseId: string) => {
    const { token } = await as(tenant, ['supervisor'], 'lead-1');
    return (await svc.http().get(`/v1/cases/${caseId}/assignment`).auth(token, { type: 'bearer' }).expect(200)).body;
  };
  const acceptAs = async (tenant: string, caseId: string, agentId: string) => {
    const { token } = await as(tenant, ['agent'], agentId);
    return svc.http().post(`/v1/cases/${caseId}/assignment/accept`).auth(token, { type: 'bearer' });
  };
  const reassign = async (tenant: string, caseId: string, payload: unknown, roles: Role[] = ['supervisor']) => {
    const { token } = await as(tenant, roles, 'lead-1');
    return svc.http().post(`/v1/cases/${caseId}/assignment`).auth(token, { type: 'bearer' }).send(payload as object);
  };
  const assigned = (tenant: string, caseId: string) =>
    svc.tap.events.filter((e) => e.type === 'case.assigned' && e.tenantid === tenant && e.subject === caseId).map((e) => (e.data as { agentId: string }).agentId);
  const acceptTimers = async (caseId: string) => (await svc.db.query(`SELECT 1 FROM dispatch.timers WHERE kind = 'routing.accept' AND key = $1`, [caseId])).length;
  async function available(tenant: string, agentIds: string[]): Promise<void> {
    const now = Date.now();
    const events = agentIds.map((agentId, i) => newCloudEvent({ type: 'agent.status_changed', source: '/test', tenantId: tenant, time: new Date(now - 10_000 + i), data: { agentId, status: 'available' } }));
    await publishToBus(svc.env.namespace, events);
    const [last] = agentIds.slice(-1);
    await eventually(async () => {
      const [row] = await svc.db.query(`SELECT status FROM dispatch.routing_agents WHERE tenant_id = $1 AND agent_id = $2`, [tenant, last]);
      expect(row?.status).toBe('available');
    });
  }
  async function open(tenant: string, caseId: string): Promise<void> {
    await publishToBus(svc.env.namespace, [newCloudEvent({ type: 'case.opened', source: '/test', tenantId: tenant, data: { caseId, type: 'billing', priority: 'P3', summary: 'Charged twice' } })]);
    await eventually(async () => expect(await svc.db.query(`SELECT 1 FROM dispatch.case_assignments WHERE tenant_id = $1 AND case_id = $2`, [tenant, caseId])).toHaveLength(1));
  }

  it('reassigns an assignment not accepted in time to another eligible agent, who accepts it', async () => {
    const t = 'lapse';
    await available(t, ['r1', 'r2']);
    await open(t, 'A-1');
    expect(await assignment(t, 'A-1')).toMatchObject({ state: 'offered', agentId: 'r1', acceptedAt: null, lapsedBy: [] });
    // Only the agent it is offered to may accept it.
    const wrong = await acceptAs(t, 'A-1', 'r2');
    expect(wrong.status).toBe(409);
    expect(wrong.body.type).toBe('urn:hotline:problem:not-your-assignment');

    // r1 lets it lapse: it goes to r2 (never back to r1), with case.assigned again.
    await eventually(async () => expect(await assignment(t, 'A-1')).toMatchObject({ state: 'offered', agentId: 'r2' }), { timeoutMs: 10_000 });
    await eventually(() => {
      expect(assigned(t, 'A-1')).toEqual(['r1', 'r2']);
      return Promise.resolve();
    });
    const accepted = await acceptAs(t, 'A-1', 'r2');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ caseId: 'A-1', state: 'accepted', agentId: 'r2', acceptBy: null });
    expect((await acceptAs(t, 'A-1', 'r2')).status).toBe(200);
    // Accepted, its accept timer is gone: nothing will take the case from r2.
    expect(await acceptTimers('A-1')).toBe(0);
    expect((await acceptAs(t, 'NO-SUCH-CASE', 'r2')).status).toBe(404);
  });

  it('lets a lapsed case wait when no other agent may take it, until one becomes available', async () => {
    const t = 'lone';
    await available(t, ['only']);
    await open(t, 'B-1');
    expect(await assignment(t, 'B-1')).toMatchObject({ state: 'offered', agentId: 'only' });
    await eventually(async () => expect(await assignment(t, 'B-1')).toMatchObject({ state: 'waiting', agentId: null, lapsedBy: ['only'] }), { timeoutMs: 10_000 });
    // Someone else becoming available takes it, though the agent who let it lapse has been available longer.
    await available(t, ['relief']);
    await eventually(async () => expect(await assignment(t, 'B-1')).toMatchObject({ state: 'offered', agentId: 'relief' }));
    expect((await acceptAs(t, 'B-1', 'relief')).status).toBe(200);
    expect(assigned(t, 'B-1')).toEqual(['only', 'relief']);
  });

  it('lets a supervisor give a case to an agent of their choosing, audited, and refuses an unknown agent naming agentId', async () => {
    const t = 'manual';
    await available(t, ['m1', 'm2']);
    await open(t, 'M-1');
    expect((await acceptAs(t, 'M-1', 'm1')).status).toBe(200);

    const moved = await reassign(t, 'M-1', { agentId: 'm2' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'offered', agentId: 'm2' });
    const { token } = await as(t, ['supervisor'], 'lead-1');
    expect((await svc.http().get('/v1/cases/M-1').auth(token, { type: 'bearer' }).expect(200)).body.assignee).toBe('m2');
    expect((await acceptAs(t, 'M-1', 'm2')).status).toBe(200);

    const unknown = await reassign(t, 'M-1', { agentId: 'ghost' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'agentId' })]);
    expect((await reassign(t, 'M-1', {})).body.errors).toEqual([expect.objectContaining({ path: 'agentId' })]);
    expect((await reassign(t, 'M-1', { agentId: 'm1' }, ['agent'])).status).toBe(403);
    expect((await reassign(t, 'NO-SUCH-CASE', { agentId: 'm1' })).status).toBe(404);
    expect(await assignment(t, 'M-1')).toMatchObject({ state: 'accepted', agentId: 'm2' });

    await eventually(() => {
      expect(assigned(t, 'M-1')).toEqual(['m1', 'm2']);
      const audits = svc.tap.events.filter((e) => e.type === 'audit.recorded' && e.tenantid === t).map((e) => e.data as { action: string; before?: unknown });
      expect(audits).toEqual([
        expect.objectContaining({ action: 'case.assignment_accept' }),
        expect.objectContaining({ action: 'case.reassign', before: { state: 'accepted', agentId: 'm1' } }),
        expect.objectContaining({ action: 'case.assignment_accept' }),
      ]);
      return Promise.resolve();
    });
  });
});

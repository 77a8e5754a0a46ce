import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { Role } from '@hotline/platform';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

type Status = 'available' | 'busy' | 'away' | 'offline';
interface AgentProfile {
  team?: string;
  skills?: string[];
  languages?: string[];
}

/** Each test routes in a tenant of its own, so one test's agents and loads never touch another's. */
describe('dispatch: routing cases to agents (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
  });

  afterAll(() => svc?.stop());

  const token = (tenant: string, roles: Role[] = ['supervisor'], subject = 'lead-1') => svc.token({ tenant, roles, subject });
  /** A GET's response, as the tenant's supervisor. */
  const get = async (tenant: string, path: string) => svc.http().get(path).auth(await token(tenant), { type: 'bearer' });
  /** A GET's body, which must be a 200. */
  const body = async (tenant: string, path: string) => {
    const res = await get(tenant, path);
    expect(res.status).toBe(200);
    return res.body;
  };
  const status = (tenant: string, agentId: string, value: Status, time: Date, profile: AgentProfile = {}): CloudEvent =>
    newCloudEvent({ type: 'agent.status_changed', source: '/test', tenantId: tenant, time, data: { agentId, status: value, ...profile } });
  const opening = (tenant: string, caseId: string, priority: 'P1' | 'P2' | 'P3' = 'P2', region = 'haidian'): CloudEvent =>
    newCloudEvent({ type: 'case.opened', source: '/test', tenantId: tenant, data: { caseId, type: 'network_fault', priority, summary: 'No signal', region } });
  const assigneeOf = async (tenant: string, caseId: string): Promise<string | null> => (await body(tenant, `/v1/cases/${caseId}`)).assignee;
  /** What dispatch published about a tenant's case. */
  const assigned = (tenant: string, caseId: string) =>
    svc.tap.events.filter((e) => e.type === 'case.assigned' && e.tenantid === tenant && e.subject === caseId).map((e) => (e.data as { agentId: string }).agentId);
  const agentRow = async (tenant: string, agentId: string) =>
    ((await svc.db.query(`SELECT status, status_at FROM dispatch.routing_agents WHERE tenant_id = $1 AND agent_id = $2`, [tenant, agentId])) as { status: string; status_at: Date }[])[0];
  /** Opens cases one after another, each assigned (or left waiting) before the next opens. */
  async function openCases(tenant: string, caseIds: string[]): Promise<void> {
    for (const caseId of caseIds) {
      await publishToBus(svc.env.namespace, [opening(tenant, caseId)]);
      await eventually(async () => expect((await get(tenant, `/v1/cases/${caseId}`)).status).toBe(200));
    }
  }

  it('takes availability from agent.status_changed, where an older status never overwrites a newer one', async () => {
    const t = 'status';
    const now = Date.now();
    await publishToBus(svc.env.namespace, [status(t, 'a1', 'available', new Date(now)), status(t, 'a1', 'offline', new Date(now - 60_000))]);
    await publishToBus(svc.env.namespace, [status(t, 'a2', 'busy', new Date(now - 60_000))]);
    await eventually(async () => expect(await agentRow(t, 'a2')).toMatchObject({ status: 'busy' }));
    // The older "offline" of a1 arrived after its newer "available", and changed nothing.
    expect(await agentRow(t, 'a1')).toEqual({ status: 'available', status_at: new Date(now) });
    await publishToBus(svc.env.namespace, [status(t, 'a2', 'available', new Date(now))]);
    await eventually(async () => expect(await agentRow(t, 'a2')).toMatchObject({ status: 'available' }));
  });

  it('assigns each opened case to the least-loaded available agent, never to an unavailable one, with case.assigned on the bus', async () => {
    const t = 'least';
    const now = Date.now();
    // x1 has been available longest, so it wins a tie; x3 is busy and x4 went offline after being available.
    await publishToBus(svc.env.namespace, [
      status(t, 'x1', 'available', new Date(now - 3_000)),
      status(t, 'x2', 'available', new Date(now - 2_000)),
      status(t, 'x3', 'busy', new Date(now - 1_000)),
      status(t, 'x4', 'available', new Date(now - 5_000)),
      status(t, 'x4', 'offline', new Date(now - 500)),
    ]);
    await eventually(async () => expect(await agentRow(t, 'x4')).toMatchObject({ status: 'offline' }));
    await openCases(t, ['L-1', 'L-2', 'L-3', 'L-4']);

    expect([await assigneeOf(t, 'L-1'), await assigneeOf(t, 'L-2'), await assigneeOf(t, 'L-3'), await assigneeOf(t, 'L-4')]).toEqual(['x1', 'x2', 'x1', 'x2']);
    await eventually(() => {
      expect(['L-1', 'L-2', 'L-3', 'L-4'].map((caseId) => assigned(t, caseId))).toEqual([['x1'], ['x2'], ['x1'], ['x2']]);
      return Promise.resolve();
    });
    const mine = (await body(t, '/v1/cases?assignee=x1')).items.map((c: { caseId: string }) => c.caseId);
    expect(mine).toEqual(['L-1', 'L-3']);
  });

  it('lets a case wait unassigned while nobody is available, and assigns it when someone becomes available', async () => {
    const t = 'wait';
    await openCases(t, ['W-1']);
    expect(await assigneeOf(t, 'W-1')).toBeNull();
    await publishToBus(svc.env.namespace, [status(t, 'late-riser', 'available', new Date())]);
    await eventually(async () => expect(await assigneeOf(t, 'W-1')).toBe('late-riser'));
    await eventually(() => {
      expect(assigned(t, 'W-1')).toEqual(['late-riser']);
      return Promise.resolve();
    });
  });
});

import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { Role } from '@hotline/platform';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

type Status = 'available' | 'busy' | 'away' | 'offline';
interface CaseFacts {
  priority?: 'P1' | 'P2' | 'P3';
  type?: 'network_fault' | 'consultation';
}
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
  const opening = (tenant: string, caseId: string, { priority = 'P2', type = 'network_fault' }: CaseFacts = {}): CloudEvent =>
    newCloudEvent({ type: 'case.opened', source: '/test', tenantId: tenant, data: { caseId, type, priority, summary: 'No signal', region: 'haidian' } });
  const put = async (tenant: string, path: string, payload: unknown, roles: Role[] = ['supervisor']) =>
    svc.http().put(path).auth(await token(tenant, roles), { type: 'bearer' }).send(payload as object);
  const assigneeOf = async (tenant: string, caseId: string): Promise<string | null> => (await body(tenant, `/v1/cases/${caseId}`)).assignee;
  /** What dispatch published about a tenant's case. */
  const assigned = (tenant: string, caseId: string) =>
    svc.tap.events.filter((e) => e.type === 'case.assigned' && e.tenantid === tenant && e.subject === caseId).map((e) => (e.data as { agentId: string }).agentId);
  const agentRow = async (tenant: string, agentId: string) =>
    ((await svc.db.query(`SELECT status, status_at FROM dispatch.routing_agents WHERE tenant_id = $1 AND agent_id = $2`, [tenant, agentId])) as { status: string; status_at: Date }[])[0];
  /** Opens cases one after another, each assigned (or left waiting) before the next opens. */
  async function openCases(tenant: string, caseIds: string[], facts: CaseFacts = {}): Promise<void> {
    for (const caseId of caseIds) {
      await publishToBus(svc.env.namespace, [opening(tenant, caseId, facts)]);
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

  it('keeps agents, teams and ordered rules through the admin API, supervisor or admin only, with problem+json naming bad fields', async () => {
    const t = 'admin';
    const profile = { team: 'noc', skills: ['fibre'], languages: ['zh'], regions: ['haidian'] };
    const created = await put(t, '/v1/agents/p1', profile);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ agentId: 'p1', ...profile, status: 'offline', statusAt: null, profileByAdmin: true });
    expect(await body(t, '/v1/agents/p1')).toEqual(created.body);
    expect((await get(t, '/v1/agents/nobody')).status).toBe(404);
    expect((await get('elsewhere', '/v1/agents/p1')).status).toBe(404);
    expect((await put(t, '/v1/agents/p1', profile, ['agent'])).status).toBe(403);
    expect((await put(t, '/v1/agents/p1', profile, ['admin'])).status).toBe(200);

    // A status event changes the status of an agent the admin API describes, never its profile.
    await publishToBus(svc.env.namespace, [status(t, 'p1', 'available', new Date(), { team: 'other', skills: ['radio'] })]);
    await eventually(async () => expect(await body(t, '/v1/agents/p1')).toMatchObject({ status: 'available', team: 'noc', skills: ['fibre'] }));

    const bad = await put(t, '/v1/agents/p2', { skills: 'fibre', languages: ['zh', ''] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['skills', 'languages.1']);

    const team = { name: 'Network operations', skills: ['radio'], languages: [], regions: ['chaoyang'] };
    expect((await put(t, '/v1/teams/noc', team)).body).toEqual({ teamId: 'noc', ...team });
    expect(await body(t, '/v1/teams/noc')).toEqual({ teamId: 'noc', ...team });
    expect((await get(t, '/v1/teams/none')).status).toBe(404);

    expect(await body(t, '/v1/routing/rules')).toEqual({ rules: [], updatedAt: null });
    const rules = [
      { match: { caseType: 'network_fault', priority: 'P1' }, require: { skills: ['fibre'], region: 'haidian' } },
      { match: {}, require: { team: 'noc' } },
    ];
    const saved = await put(t, '/v1/routing/rules', { rules });
    expect(saved.status).toBe(200);
    expect(await body(t, '/v1/routing/rules')).toEqual({ rules, updatedAt: saved.body.updatedAt });
    const badRules = await put(t, '/v1/routing/rules', { rules: [{ match: { priority: 'P9' }, require: {} }] });
    expect(badRules.status).toBe(400);
    expect(badRules.body.errors.map((e: { path: string }) => e.path)).toEqual(['rules.0.match.priority']);

    await eventually(() => {
      const audits = svc.tap.events.filter((e) => e.type === 'audit.recorded' && e.tenantid === t).map((e) => (e.data as { action: string }).action);
      expect(audits).toEqual(['agent.put', 'agent.put', 'team.put', 'routing_rules.put']);
      return Promise.resolve();
    });
  });

  it('lists agents in keyset pages', async () => {
    const t = 'pages';
    for (const agentId of ['c', 'a', 'b']) expect((await put(t, `/v1/agents/${agentId}`, {})).status).toBe(200);
    const first = await body(t, '/v1/agents?limit=2');
    expect(first.items.map((a: { agentId: string }) => a.agentId)).toEqual(['a', 'b']);
    const second = await body(t, `/v1/agents?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [expect.objectContaining({ agentId: 'c', skills: [] })], nextCursor: null });
    expect((await get(t, '/v1/agents?cursor=nonsense')).body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });

  it('routes by the first matching rule: an ineligible agent is never chosen, however idle', async () => {
    const t = 'rules';
    await put(t, '/v1/teams/noc', { skills: ['fibre'], regions: ['haidian'] });
    await put(t, '/v1/agents/member', { team: 'noc', languages: ['zh'] });
    await put(t, '/v1/agents/outsider', { skills: ['fibre'], regions: ['haidian'] });
    await put(t, '/v1/agents/idle', {});
    await put(t, '/v1/routing/rules', {
      rules: [
        { match: { caseType: 'network_fault', priority: 'P1' }, require: { skills: ['fibre'], languages: ['zh'], region: 'haidian' } },
        { match: { caseType: 'network_fault' }, require: { team: 'noc' } },
      ],
    });
    const now = Date.now();
    await publishToBus(svc.env.namespace, ['member', 'outsider', 'idle'].map((agentId, i) => status(t, agentId, 'available', new Date(now - 3_000 + i))));
    await eventually(async () => expect(await body(t, '/v1/agents/idle')).toMatchObject({ status: 'available' }));

    // Only noc's member may take a network fault: fibre and haidian from its team, Chinese of its own.
    await openCases(t, ['N-1', 'N-2']);
    await openCases(t, ['N-3'], { priority: 'P1' });
    for (const caseId of ['N-1', 'N-2', 'N-3']) expect(await assigneeOf(t, caseId)).toBe('member');
    // No rule matches a consultation: anyone may take it, and the least loaded does.
    await openCases(t, ['Q-1', 'Q-2'], { type: 'consultation' });
    expect([await assigneeOf(t, 'Q-1'), await assigneeOf(t, 'Q-2')]).toEqual(['outsider', 'idle']);
  });

  it('assigns a case once when its opening is redelivered and re-sent under another id', async () => {
    const t = 'twice';
    await publishToBus(svc.env.namespace, [status(t, 'y1', 'available', new Date(Date.now() - 1_000)), status(t, 'y2', 'available', new Date())]);
    await eventually(async () => expect(await agentRow(t, 'y2')).toMatchObject({ status: 'available' }));
    const opened = opening(t, 'D-1');
    await publishToBus(svc.env.namespace, [opened, opened, { ...opened, id: `${opened.id}-resent` }]);
    await eventually(async () => expect((await body(t, '/v1/cases/D-1/timeline')).items.filter((item: { kind: string }) => item.kind === 'event')).toHaveLength(2));
    // Routed again, the case would have gone to y2 (y1's load is 1 by then), in the transaction that recorded the re-send.
    expect(await assigneeOf(t, 'D-1')).toBe('y1');
    await eventually(() => {
      expect(assigned(t, 'D-1')).toEqual(['y1']);
      return Promise.resolve();
    });
  });
});

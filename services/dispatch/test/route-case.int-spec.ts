import type { DataSource, EntityManager } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { Outbox, outboxParkingMigration } from '@hotline/messaging';
import { type MigratedDataSource, migratedDataSource } from '@hotline/testing';
import { DurableTimers, durableTimersMigration, ManualClock } from '@hotline/timers';
import { CaseHistoryEntity } from '../src/cases/case-history.entity';
import { CaseLifecycle } from '../src/cases/case-lifecycle';
import { type CaseSignal, CaseSignals } from '../src/cases/case-signals';
import { CaseTransitionEntity } from '../src/cases/case-transition.entity';
import { ServiceCaseEntity } from '../src/cases/service-case.entity';
import { ServiceCaseRepository } from '../src/cases/service-case.repository';
import { OpenCase } from '../src/cases/use-cases/open-case';
import { CreateDispatchSchema1764028800000 } from '../src/database/migrations/1764028800000-create-dispatch-schema';
import { CaseStages1764460800000 } from '../src/database/migrations/1764460800000-case-stages';
import { CreateRouting1796200000000 } from '../src/database/migrations/1796200000000-create-routing';
import { CreateComplaints1796400000000 } from '../src/database/migrations/1796400000000-create-complaints';
import { ACCEPT_TIMER_KIND } from '../src/routing/accept-timer';
import { AgentsRepository } from '../src/routing/agents.repository';
import { AssignmentsRepository } from '../src/routing/assignments.repository';
import { RulesRepository } from '../src/routing/rules.repository';
import { OfferCase } from '../src/routing/use-cases/offer-case';
import { RouteCase } from '../src/routing/use-cases/route-case';

/** The signals routing reports, as the SLA clocks will receive them. */
class RecordedSignals extends CaseSignals {
  readonly seen: CaseSignal[] = [];
  async record(_manager: EntityManager, signals: readonly CaseSignal[]): Promise<void> {
    this.seen.push(...signals);
  }
}

const ACCEPT_MS = 120_000;

/** Routing inside the opening's transaction, and the accept timer, on real PostgreSQL with an injected clock. */
describe('dispatch: routing an opened case (real PostgreSQL, durable timers)', () => {
  let database: MigratedDataSource;
  let dataSource: DataSource;
  let timers: DurableTimers;
  let openCase: OpenCase;
  const signals = new RecordedSignals();
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    database = await migratedDataSource({ schema: 'dispatch', entities: [ServiceCaseEntity, CaseHistoryEntity, CaseTransitionEntity], migrations: [CreateDispatchSchema1764028800000, outboxParkingMigration('dispatch'), durableTimersMigration('dispatch'), CaseStages1764460800000, CreateRouting1796200000000, CreateComplaints1796400000000] });
    dataSource = database.dataSource;

    const cases = new ServiceCaseRepository(dataSource);
    const agents = new AgentsRepository(dataSource);
    const assignments = new AssignmentsRepository();
    timers = new DurableTimers(dataSource, { schema: 'dispatch' });
    const offers = new OfferCase(assignments, cases, signals, new Outbox('dispatch'), timers, clock, { acceptWithinMs: ACCEPT_MS });
    const routeCase = new RouteCase(agents, new RulesRepository(), assignments, cases, offers);
    const lifecycle = new CaseLifecycle();
    lifecycle.listen({ caseOpened: (manager, _event, kase) => routeCase.opened(manager, kase.snapshot) });
    timers.handle(ACCEPT_TIMER_KIND, (manager, timer) => routeCase.lapsed(manager, timer));
    // The opening's own signals (opened, …) go elsewhere: `signals` holds what routing reports.
    openCase = new OpenCase(cases, new RecordedSignals(), lifecycle);

    const since = new Date(Date.now() - 60_000);
    const agent = (agentId: string, statusAt: Date) => ({ tenantId: 'acme', agentId, team: null, skills: [], languages: [], regions: [], status: 'available' as const, statusAt, profileByAdmin: false });
    await agents.saveMany(dataSource.manager, [agent('a1', since), agent('a2', new Date(since.getTime() + 1))]);
  });

  afterAll(() => database?.close());

  const opening = (caseId: string) =>
    newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type: 'billing', priority: 'P3', summary: 'Charged twice' } });
  const open = (caseId: string) => dataSource.transaction((manager) => openCase.execute(manager, opening(caseId)));
  const outboxed = async (caseId: string) =>
    ((await dataSource.query(`SELECT payload FROM dispatch.outbox WHERE type = 'case.assigned' AND payload->>'subject' = $1 ORDER BY id`, [caseId])) as { payload: { time: string; data: { agentId: string } } }[]).map(
      (row) => row.payload,
    );
  const acceptTimer = async (caseId: string) =>
    ((await dataSource.query(`SELECT due_at, payload FROM dispatch.timers WHERE kind = $1 AND key = $2`, [ACCEPT_TIMER_KIND, caseId])) as { due_at: Date; payload: { agentId: string } }[])[0];
  const assigneeOf = async (caseId: string) => ((await dataSource.query(`SELECT assignee_id FROM dispatch.cases WHERE case_id = $1`, [caseId])) as { assignee_id: string | null }[])[0]?.assignee_id;

  it("assigns in the opening's transaction: the assignee, the accept timer, case.assigned in the outbox and the 'assigned' signal, at the clock's time", async () => {
    const at = clock.now();
    await open('C-1');
    expect(await assigneeOf('C-1')).toBe('a1');
    expect(await acceptTimer('C-1')).toEqual({ due_at: new Date(at.getTime() + ACCEPT_MS), payload: { agentId: 'a1' } });
    expect(await outboxed('C-1')).toEqual([expect.objectContaining({ time: at.toISOString(), data: { caseId: 'C-1', agentId: 'a1', assignedAt: at.toISOString() } })]);
    expect(signals.seen).toEqual([{ tenantId: 'acme', caseId: 'C-1', signal: 'assigned', at }]);
  });

  it("leaves nothing behind when the opening's transaction fails after routing", async () => {
    const failing = dataSource.transaction(async (manager) => {
      await openCase.execute(manager, opening('C-2'));
      throw new Error('the batch failed after the case was routed');
    });
    await expect(failing).rejects.toThrow('the batch failed');
    expect(await assigneeOf('C-2')).toBeUndefined();
    expect(await acceptTimer('C-2')).toBeUndefined();
    expect(await outboxed('C-2')).toEqual([]);
    expect(await dataSource.query(`SELECT 1 FROM dispatch.case_assignments WHERE case_id = 'C-2'`)).toEqual([]);
  });

  it('fires a lapsed offer from its durable timer and offers the case to another agent', async () => {
    // Offered ten minutes ago, so its accept deadline has passed by the database's clock.
    clock.set(new Date(Date.now() - 10 * 60_000));
    await open('C-3');
    expect(await assigneeOf('C-3')).toBe('a2');
    clock.set(new Date());
    expect(await timers.drain()).toBe(1);

    expect(await assigneeOf('C-3')).toBe('a1');
    expect((await outboxed('C-3')).map((event) => event.data.agentId)).toEqual(['a2', 'a1']);
    expect((await acceptTimer('C-3')).payload).toEqual({ agentId: 'a1' });
    const [row] = await dataSource.query(`SELECT state, lapsed_by FROM dispatch.case_assignments WHERE case_id = 'C-3'`);
    expect(row).toEqual({ state: 'offered', lapsed_by: ['a2'] });
  });

  it('routes two cases opened at once in one tenant one after the other, so they go to different agents', async () => {
    const since = new Date(Date.now() - 60_000);
    await new AgentsRepository(dataSource).saveMany(
      dataSource.manager,
      ['r1', 'r2'].map((agentId) => ({ tenantId: 'race', agentId, team: null, skills: [], languages: [], regions: [], status: 'available' as const, statusAt: since, profileByAdmin: false })),
    );
    const openIn = (caseId: string) =>
      dataSource.transaction((manager) =>
        openCase.execute(manager, newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'race', data: { caseId, type: 'billing', priority: 'P3', summary: 'Charged twice' } })),
      );
    await Promise.all([openIn('R-1'), openIn('R-2')]);
    expect([await assigneeOf('R-1'), await assigneeOf('R-2')].sort()).toEqual(['r1', 'r2']);
  });
});

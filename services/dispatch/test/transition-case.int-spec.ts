import type { DataSource } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { eventually, type MigratedDataSource, migratedDataSource } from '@hotline/testing';
import { ManualClock } from '@hotline/timers';
import { CaseClockReads } from '../src/case-clocks/case-clock-reads';
import { CaseClocksRepository } from '../src/case-clocks/case-clocks.repository';
import type { CaseSignal, CaseSignals } from '../src/cases/case-signals';
import { CaseHistoryEntity } from '../src/cases/case-history.entity';
import { CaseLifecycle } from '../src/cases/case-lifecycle';
import { CaseTransitionEntity } from '../src/cases/case-transition.entity';
import { CaseArchived, IllegalTransition } from '../src/cases/domain/case-errors';
import type { CaseActor } from '../src/cases/domain/service-case';
import { ServiceCaseEntity } from '../src/cases/service-case.entity';
import { ServiceCaseRepository } from '../src/cases/service-case.repository';
import { OpenCase } from '../src/cases/use-cases/open-case';
import { TransitionCase } from '../src/cases/use-cases/transition-case';
import { CreateDispatchSchema1764028800000 } from '../src/database/migrations/1764028800000-create-dispatch-schema';
import { CaseStages1764460800000 } from '../src/database/migrations/1764460800000-case-stages';
import { CreateCaseClocks1796100000000 } from '../src/database/migrations/1796100000000-create-case-clocks';
import { CreateComplaints1796400000000 } from '../src/database/migrations/1796400000000-create-complaints';

/** The transition use case on real PostgreSQL: its time is the injected clock's, and the move and its events commit together or not at all. */
describe('dispatch: TransitionCase (real PostgreSQL)', () => {
  let database: MigratedDataSource;
  let dataSource: DataSource;
  let repository: ServiceCaseRepository;
  let reads: CaseClockReads;
  const lifecycle = new CaseLifecycle();
  const clock = new ManualClock('2026-11-25T09:00:00Z');
  const actor: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent'] };
  /** The port as the use cases see it, recording what they report (the clocks behind it have their own e2e). */
  const recorded: CaseSignal[] = [];
  const signals: CaseSignals = { record: async (_manager, reported) => void recorded.push(...reported) };

  beforeAll(async () => {
    database = await migratedDataSource({ schema: 'dispatch', entities: [ServiceCaseEntity, CaseHistoryEntity, CaseTransitionEntity], migrations: [CreateDispatchSchema1764028800000, CaseStages1764460800000, CreateCaseClocks1796100000000, CreateComplaints1796400000000] });
    dataSource = database.dataSource;
    repository = new ServiceCaseRepository(dataSource);
    reads = new CaseClockReads(new CaseClocksRepository(dataSource));
  });

  afterAll(() => database?.close());

  const open = (caseId: string) =>
    dataSource.transaction((manager) =>
      new OpenCase(repository, signals, lifecycle).execute(
        manager,
        newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', time: '2026-11-25T08:00:00Z', data: { caseId, type: 'network_fault', priority: 'P2', summary: 'Slow line', region: 'beijing' } }),
      ),
    );
  const outboxed = async (caseId: string) =>
    (await dataSource.query(`SELECT type, payload FROM dispatch.outbox WHERE payload->>'subject' = $1 ORDER BY id`, [caseId])) as { type: string; payload: { time: string; correlationid?: string } }[];
  const transitions = (caseId: string) => dataSource.query(`SELECT from_stage, to_stage, at FROM dispatch.case_transitions WHERE case_id = $1 ORDER BY version`, [caseId]);
  const stageOf = async (caseId: string) => (await repository.find(dataSource.manager, 'acme', caseId))?.snapshot;

  it("takes the move's time from the injected clock and writes its events to the outbox with the request's correlation id", async () => {
    await open('C-1');
    const transition = new TransitionCase(dataSource, repository, new Outbox('dispatch'), signals, reads, lifecycle, clock);
    const moved = await CorrelationContext.run({ correlationId: 'req-1' }, () => transition.execute({ tenantId: 'acme', caseId: 'C-1', to: 'handling', reason: 'on it', actor }));
    expect(moved).toMatchObject({ stage: 'handling', version: 2, updatedAt: '2026-11-25T09:00:00.000Z' });

    clock.advance(60 * 60_000);
    await transition.execute({ tenantId: 'acme', caseId: 'C-1', to: 'follow_up', reason: 'fixed', actor });
    expect(await transitions('C-1')).toEqual([
      { from_stage: 'acceptance', to_stage: 'handling', at: new Date('2026-11-25T09:00:00Z') },
      { from_stage: 'handling', to_stage: 'follow_up', at: new Date('2026-11-25T10:00:00Z') },
    ]);
    const events = await outboxed('C-1');
    expect(events.map((e) => e.type)).toEqual(['case.transitioned', 'audit.recorded', 'case.transitioned', 'case.resolved', 'audit.recorded']);
    expect(events[0].payload).toMatchObject({ time: '2026-11-25T09:00:00.000Z', correlationid: 'req-1' });
    expect(events[3].payload).toMatchObject({ time: '2026-11-25T10:00:00.000Z', data: { resolvedAt: '2026-11-25T10:00:00.000Z', resolution: 'fixed' } });
    expect(recorded.filter((r) => r.caseId === 'C-1').map(({ signal, at }) => [signal, at.toISOString()])).toEqual([
      ['opened', '2026-11-25T08:00:00.000Z'],
      ['record_completed', '2026-11-25T08:00:00.000Z'],
      ['stage:handling', '2026-11-25T09:00:00.000Z'],
      ['stage:follow_up', '2026-11-25T10:00:00.000Z'],
      ['resolved', '2026-11-25T10:00:00.000Z'],
    ]);
  });

  it('writes nothing for a move the table refuses', async () => {
    await open('C-2');
    const transition = new TransitionCase(dataSource, repository, new Outbox('dispatch'), signals, reads, lifecycle, clock);
    await expect(transition.execute({ tenantId: 'acme', caseId: 'C-2', to: 'evaluation', reason: 'skip ahead', actor })).rejects.toThrow(IllegalTransition);
    expect(await transitions('C-2')).toEqual([]);
    expect(await outboxed('C-2')).toEqual([]);
    expect(await stageOf('C-2')).toMatchObject({ stage: 'acceptance', version: 1 });
  });

  it('rolls the move back when its events cannot be written: nothing half-applied', async () => {
    await open('C-3');
    const failingOutbox = new (class extends Outbox {
      override async add(): Promise<void> {
        throw new Error('outbox unavailable');
      }
    })('dispatch');
    const transition = new TransitionCase(dataSource, repository, failingOutbox, signals, reads, lifecycle, clock);
    await expect(transition.execute({ tenantId: 'acme', caseId: 'C-3', to: 'handling', reason: 'on it', actor })).rejects.toThrow('outbox unavailable');
    expect(await transitions('C-3')).toEqual([]);
    expect(await stageOf('C-3')).toMatchObject({ stage: 'acceptance', version: 1 });
  });

  it('answers undefined for a case the tenant does not have', async () => {
    await open('C-4');
    const transition = new TransitionCase(dataSource, repository, new Outbox('dispatch'), signals, reads, lifecycle, clock);
    expect(await transition.execute({ tenantId: 'globex', caseId: 'C-4', to: 'handling', reason: 'not mine', actor })).toBeUndefined();
    expect(await stageOf('C-4')).toMatchObject({ stage: 'acceptance' });
  });
  it('refuses to move an archived case, and a move decided before an archive that committed first, writing nothing', async () => {
    await open('C-5');
    const transition = new TransitionCase(dataSource, repository, new Outbox('dispatch'), signals, reads, lifecycle, clock);
    // Hold an archive of the case's row, so the move decides on version 1 and then waits for the row.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE dispatch.cases SET archived_at = '2026-11-25T09:30:00Z', version = 2 WHERE tenant_id = 'acme' AND case_id = 'C-5'`);
      const racing = transition.execute({ tenantId: 'acme', caseId: 'C-5', to: 'handling', reason: 'on it', actor }).catch((error: unknown) => error);
      await eventually(async () => {
        const [{ waiting }] = await dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        expect(waiting).toBe(1);
      });
      await runner.commitTransaction();
      const lost = await racing;
      expect(lost).toBeInstanceOf(CaseArchived);
      expect((lost as CaseArchived).message).toContain('archived at 2026-11-25T09:30:00.000Z');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await expect(transition.execute({ tenantId: 'acme', caseId: 'C-5', to: 'cancelled', reason: 'withdrawn', actor })).rejects.toThrow(CaseArchived);
    expect(await transitions('C-5')).toEqual([]);
    expect(await outboxed('C-5')).toEqual([]);
    expect(await stageOf('C-5')).toMatchObject({ stage: 'acceptance', version: 2 });
  });
});

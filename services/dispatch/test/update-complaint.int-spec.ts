import type { DataSource } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';
import { type MigratedDataSource, migratedDataSource } from '@hotline/testing';
import { ManualClock } from '@hotline/timers';
import { CaseClockReads } from '../src/case-clocks/case-clock-reads';
import { CaseClocksRepository } from '../src/case-clocks/case-clocks.repository';
import { CaseHistoryEntity } from '../src/cases/case-history.entity';
import { CaseLifecycle } from '../src/cases/case-lifecycle';
import { type CaseSignal, CaseSignals } from '../src/cases/case-signals';
import { CaseTransitionEntity } from '../src/cases/case-transition.entity';
import type { CaseActor } from '../src/cases/domain/service-case';
import { ServiceCaseEntity } from '../src/cases/service-case.entity';
import { ServiceCaseRepository } from '../src/cases/service-case.repository';
import { OpenCase } from '../src/cases/use-cases/open-case';
import { TransitionCase } from '../src/cases/use-cases/transition-case';
import { ComplaintEntity } from '../src/complaints/complaint.entity';
import { ComplaintEntryEntity } from '../src/complaints/complaint-entry.entity';
import { ComplaintsRepository } from '../src/complaints/complaints.repository';
import { UpdateComplaint } from '../src/complaints/use-cases/update-complaint';
import { CreateDispatchSchema1764028800000 } from '../src/database/migrations/1764028800000-create-dispatch-schema';
import { CaseStages1764460800000 } from '../src/database/migrations/1764460800000-case-stages';
import { CreateCaseClocks1796100000000 } from '../src/database/migrations/1796100000000-create-case-clocks';
import { CreateComplaints1796400000000 } from '../src/database/migrations/1796400000000-create-complaints';

/** Keeps what it is told, in the caller's transaction's order (the port's real adapter is the case clocks'). */
class RecordedSignals extends CaseSignals {
  readonly seen: CaseSignal[] = [];
  async record(_manager: unknown, signals: readonly CaseSignal[]): Promise<void> {
    this.seen.push(...signals);
  }
}

/** A complaint's updates on real PostgreSQL: each step with its case change, signals and audit commits together or not at all. */
describe('dispatch: UpdateComplaint (real PostgreSQL)', () => {
  let database: MigratedDataSource;
  let dataSource: DataSource;
  let cases: ServiceCaseRepository;
  const clock = new ManualClock('2026-11-25T09:00:00Z');
  const actor: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent'] };

  beforeAll(async () => {
    database = await migratedDataSource({ schema: 'dispatch', entities: [ServiceCaseEntity, CaseHistoryEntity, CaseTransitionEntity, ComplaintEntity, ComplaintEntryEntity], migrations: [CreateDispatchSchema1764028800000, CaseStages1764460800000, CreateCaseClocks1796100000000, CreateComplaints1796400000000] });
    dataSource = database.dataSource;
    cases = new ServiceCaseRepository(dataSource);
  });

  afterAll(() => database?.close());

  const updates = (outbox: Outbox, signals: CaseSignals = new RecordedSignals()) =>
    new UpdateComplaint(dataSource, new ComplaintsRepository(dataSource), cases, new TransitionCase(dataSource, cases, outbox, signals, new CaseClockReads(new CaseClocksRepository(dataSource)), new CaseLifecycle(), clock), signals, outbox, clock);
  const file = (complaintId: string) =>
    dataSource.transaction((manager) =>
      new OpenCase(cases, new RecordedSignals(), new CaseLifecycle()).execute(
        manager,
        newCloudEvent({ type: 'complaint.filed', source: '/test', tenantId: 'acme', time: '2026-11-25T08:00:00Z', data: { complaintId, category: 'billing', description: 'Charged twice' } }),
      ),
    );
  const count = async (sql: string, complaintId: string) => ((await dataSource.query(sql, [complaintId])) as { n: number }[])[0].n;
  const entries = (complaintId: string) => count(`SELECT count(*)::int AS n FROM dispatch.complaint_entries WHERE complaint_id = $1`, complaintId);
  const outboxed = (complaintId: string) => dataSource.query(`SELECT type FROM dispatch.outbox WHERE payload->>'subject' = $1 ORDER BY id`, [`complaint:${complaintId}`]);

  it('resolves at the clock’s instant: the entry, the case’s resolution move and their events at one time', async () => {
    await file('K-1');
    const signals = new RecordedSignals();
    const complaints = updates(new Outbox('dispatch'), signals);
    await complaints.acknowledge({ tenantId: 'acme', complaintId: 'K-1', actor }, {});
    await dataSource.query(`UPDATE dispatch.cases SET stage = 'handling', version = 2 WHERE case_id = 'complaint:K-1'`);
    clock.advance(60_000);
    expect(await complaints.resolve({ tenantId: 'acme', complaintId: 'K-1', actor }, 'Refunded')).toBe(true);

    const [move] = await dataSource.query(`SELECT from_stage, to_stage, at, reason FROM dispatch.case_transitions WHERE case_id = 'complaint:K-1'`);
    expect(move).toEqual({ from_stage: 'handling', to_stage: 'follow_up', at: new Date('2026-11-25T09:01:00Z'), reason: 'Refunded' });
    const [status] = await dataSource.query(`SELECT state, acknowledged_at, resolved_at FROM dispatch.complaints WHERE complaint_id = 'K-1'`);
    expect(status).toEqual({ state: 'resolved', acknowledged_at: new Date('2026-11-25T09:00:00Z'), resolved_at: new Date('2026-11-25T09:01:00Z') });
    expect((await outboxed('K-1')).map((e: { type: string }) => e.type)).toEqual(['audit.recorded', 'case.transitioned', 'case.resolved', 'audit.recorded', 'audit.recorded']);
    const at = (iso: string) => new Date(iso);
    expect(signals.seen).toEqual([
      { tenantId: 'acme', caseId: 'complaint:K-1', signal: 'complaint_acknowledged', at: at('2026-11-25T09:00:00Z') },
      { tenantId: 'acme', caseId: 'complaint:K-1', signal: 'stage:follow_up', at: at('2026-11-25T09:01:00Z') },
      { tenantId: 'acme', caseId: 'complaint:K-1', signal: 'resolved', at: at('2026-11-25T09:01:00Z') },
    ]);
  });

  it('rolls a resolution back when its events cannot be written: neither the complaint nor its case changes', async () => {
    await file('K-2');
    await dataSource.query(`UPDATE dispatch.cases SET stage = 'handling', version = 2 WHERE case_id = 'complaint:K-2'`);
    const failingOutbox = new (class extends Outbox {
      override async add(): Promise<void> {
        throw new Error('outbox unavailable');
      }
    })('dispatch');
    await expect(updates(failingOutbox).resolve({ tenantId: 'acme', complaintId: 'K-2', actor }, 'Refunded')).rejects.toThrow('outbox unavailable');
    expect(await entries('K-2')).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM dispatch.complaints WHERE complaint_id = $1`, 'K-2')).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM dispatch.case_transitions WHERE case_id = 'complaint:' || $1`, 'K-2')).toBe(0);
    expect((await cases.find(dataSource.manager, 'acme', 'complaint:K-2'))?.snapshot).toMatchObject({ stage: 'handling', version: 2 });
  });

  it('rolls an archive back when the signals port fails: the case stays unarchived', async () => {
    await file('K-3');
    await dataSource.query(`UPDATE dispatch.cases SET stage = 'closed', version = 5 WHERE case_id = 'complaint:K-3'`);
    const failingSignals = new (class extends CaseSignals {
      async record(): Promise<void> {
        throw new Error('clocks unavailable');
      }
    })();
    await expect(updates(new Outbox('dispatch'), failingSignals).archive({ tenantId: 'acme', complaintId: 'K-3', actor })).rejects.toThrow('clocks unavailable');
    expect((await cases.find(dataSource.manager, 'acme', 'complaint:K-3'))?.snapshot).toMatchObject({ archivedAt: null, version: 5 });
    expect(await entries('K-3')).toBe(0);
    expect(await outboxed('K-3')).toEqual([]);
  });

  it('answers false for a complaint the tenant does not have, writing nothing', async () => {
    await file('K-4');
    expect(await updates(new Outbox('dispatch')).acknowledge({ tenantId: 'globex', complaintId: 'K-4', actor }, {})).toBe(false);
    expect(await entries('K-4')).toBe(0);
  });
});

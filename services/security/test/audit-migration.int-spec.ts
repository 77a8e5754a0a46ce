import type { DataSource } from 'typeorm';
import { newCloudEvent } from '@hotline/contracts';
import { outboxParkingMigration } from '@hotline/messaging';
import { migrationTestDatabase, type MigrationTestDatabase } from '@hotline/testing';
import { tenantStandardsMigration } from '@hotline/tenant-standards';
import { AuditAnchorEntity } from '../src/audit/audit-anchor.entity';
import { AuditAnchorsRepository } from '../src/audit/audit-anchors.repository';
import { AuditEntriesRepository } from '../src/audit/audit-entries.repository';
import { chainHash, GENESIS_HASH } from '../src/audit/domain/audit-chain';
import { auditRecordOf } from '../src/audit/domain/audit-record';
import { RecordAuditEntries } from '../src/audit/use-cases/record-audit-entries';
import { VerifyAuditChain } from '../src/audit/use-cases/verify-audit-chain';
import { CreateSecuritySchema1764028800000 } from '../src/database/migrations/1764028800000-create-security-schema';
import { AuditChainBatchesAnchorsSearch1796000200000 } from '../src/database/migrations/1796000200000-audit-chain-batches-anchors-search';

const MIGRATIONS = [CreateSecuritySchema1764028800000, outboxParkingMigration('security'), tenantStandardsMigration('security'), AuditChainBatchesAnchorsSearch1796000200000];
const key = Buffer.alloc(32, 5);

/** Chains written one entry at a time before this migration still verify after it, and new batches link on. */
describe('security: the audit migration over an existing chain (real PostgreSQL)', () => {
  let db: MigrationTestDatabase;
  let dataSource: DataSource;

  const migrated = (upTo: number): Promise<DataSource> => db.migrate(MIGRATIONS.slice(0, upTo), [AuditAnchorEntity]);
  const event = (tenantId: string, n: number, source = '/test') =>
    newCloudEvent({ type: 'contact.answered', source, tenantId, id: `e-${n}`, time: `2026-11-25T10:00:0${n}Z`, data: { contactId: `C-${n}`, agentId: 'A-1' } });

  beforeAll(async () => {
    db = await migrationTestDatabase('security');
    dataSource = await migrated(3);
    // As the one-at-a-time trail wrote them: version 1 hashes, two tenants' entries interleaved.
    const heads = new Map<string, string>();
    for (const [tenantId, n] of [['acme', 1], ['beta', 1], ['acme', 2], ['acme', 3], ['beta', 2]] as const) {
      const record = auditRecordOf(event(tenantId, n));
      const prevHash = heads.get(tenantId) ?? GENESIS_HASH;
      const hash = chainHash(1, prevHash, 0, record);
      heads.set(tenantId, hash);
      await dataSource.query(
        `INSERT INTO security.audit_entries (tenant_id, event_id, type, source, occurred_at, payload_digest, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, record.eventId, record.type, record.source, record.occurredAt, record.payloadDigest, prevHash, hash],
      );
    }
    await dataSource.destroy();
    dataSource = await migrated(MIGRATIONS.length);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const verify = (tenantId: string) =>
    new VerifyAuditChain(new AuditEntriesRepository(dataSource), new AuditAnchorsRepository(dataSource), key).execute(tenantId, 2);

  it("numbers each tenant's existing entries, keeps their version 1 hashes verifiable and their time searchable", async () => {
    expect(await dataSource.query(`SELECT position::int, hash_version, occurred_time FROM security.audit_entries WHERE tenant_id = 'acme' ORDER BY seq`)).toEqual([
      { position: 1, hash_version: 1, occurred_time: new Date('2026-11-25T10:00:01Z') },
      { position: 2, hash_version: 1, occurred_time: new Date('2026-11-25T10:00:02Z') },
      { position: 3, hash_version: 1, occurred_time: new Date('2026-11-25T10:00:03Z') },
    ]);
    expect(await verify('acme')).toEqual({ intact: true, entries: 3, anchors: 0 });
    expect(await verify('beta')).toEqual({ intact: true, entries: 2, anchors: 0 });
  });

  it('links a new batch on after them, anchored, and takes the same event id from another source', async () => {
    const record = new RecordAuditEntries(new AuditEntriesRepository(dataSource), new AuditAnchorsRepository(dataSource), key);
    await dataSource.transaction(async (manager) => {
      await record.execute(manager, [event('acme', 4), event('acme', 1, '/other-platform'), event('beta', 3)]);
    });
    expect(await verify('acme')).toEqual({ intact: true, entries: 5, anchors: 1 });
    expect(await verify('beta')).toEqual({ intact: true, entries: 3, anchors: 1 });
    expect(await dataSource.query(`SELECT position::int, hash_version, actor, subject FROM security.audit_entries WHERE tenant_id = 'acme' AND position > 3 ORDER BY seq`)).toEqual([
      { position: 4, hash_version: 2, actor: 'A-1', subject: 'C-4' },
      { position: 5, hash_version: 2, actor: 'A-1', subject: 'C-1' },
    ]);
  });
});

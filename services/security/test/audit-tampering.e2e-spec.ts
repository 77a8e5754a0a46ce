import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { chainHash, type HashVersion } from '../src/audit/domain/audit-chain';
import { signAnchor } from '../src/audit/domain/chain-anchor';
import { BREAK_REASONS } from '../src/audit/domain/chain-verification';

interface Row {
  seq: string;
  position: string;
  tenant_id: string;
  event_id: string;
  type: string;
  source: string;
  occurred_at: string;
  payload_digest: string;
  actor: string | null;
  subject: string | null;
  hash_version: HashVersion;
  prev_hash: string;
  hash: string;
}

const EVENTS_PER_TENANT = 8;

/** Each case tampers with its own tenant's chain, written through the real consumer, straight in PostgreSQL. */
describe('security: tampering with the audit trail in PostgreSQL is caught at the right entry (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    const tenants = ['updated', 'deleted', 'reordered', 'rewritten', 'reanchored', 'truncated'];
    const events = tenants.flatMap((tenantId) =>
      Array.from({ length: EVENTS_PER_TENANT }, (_, n) =>
        newCloudEvent({ type: 'contact.answered', source: '/test', tenantId, data: { contactId: `C-${n}`, agentId: `A-${n % 3}` } }),
      ),
    );
    await publishToBus(svc.env.namespace, events);
    await eventually(async () => expect(Number((await svc.db.query(`SELECT count(*) AS n FROM security.audit_entries`))[0].n)).toBe(events.length));
    for (const tenant of tenants) expect(await verify(tenant)).toMatchObject({ intact: true, entries: EVENTS_PER_TENANT });
  });

  afterAll(() => svc?.stop());

  async function verify(tenant: string) {
    const token = await svc.token({ tenant, roles: ['security'] });
    return (await svc.http().get('/v1/audit/verify').auth(token, { type: 'bearer' }).expect(200)).body;
  }

  const chainOf = async (tenant: string): Promise<Row[]> =>
    svc.db.query(`SELECT * FROM security.audit_entries WHERE tenant_id = $1 ORDER BY seq`, [tenant]);

  it('an updated field: names that entry', async () => {
    const row = (await chainOf('updated'))[4];
    await svc.db.query(`UPDATE security.audit_entries SET actor = 'someone-else' WHERE seq = $1`, [row.seq]);
    expect(await verify('updated')).toEqual({
      intact: false,
      entries: 4,
      anchors: expect.any(Number),
      brokenAt: { seq: row.seq, eventId: row.event_id },
      reason: BREAK_REASONS.altered,
    });
  });

  it('a deleted row: names the entry after it', async () => {
    const rows = await chainOf('deleted');
    await svc.db.query(`DELETE FROM security.audit_entries WHERE seq = $1`, [rows[2].seq]);
    expect(await verify('deleted')).toMatchObject({ intact: false, entries: 2, brokenAt: { seq: rows[3].seq, eventId: rows[3].event_id }, reason: BREAK_REASONS.position });
  });

  it("two rows' seqs swapped: names the first of them", async () => {
    const rows = await chainOf('reordered');
    const [a, b] = [rows[1].seq, rows[5].seq];
    await svc.db.query(`UPDATE security.audit_entries SET seq = -seq WHERE seq IN ($1, $2)`, [a, b]);
    await svc.db.query(`UPDATE security.audit_entries SET seq = CASE seq WHEN -$1::bigint THEN $2::bigint ELSE $1::bigint END WHERE seq IN (-$1::bigint, -$2::bigint)`, [a, b]);
    expect(await verify('reordered')).toMatchObject({ intact: false, entries: 1, brokenAt: { seq: a, eventId: rows[5].event_id }, reason: BREAK_REASONS.position });
  });

  it('a tail rewritten with correct hashes: caught at the first anchor it passes', async () => {
    const anchor = await lastAnchor('rewritten');
    const rows = await rewriteTail('rewritten', anchor.position - 1);
    const anchored = rows.find((row) => row.seq === anchor.seq) as Row;
    expect(await verify('rewritten')).toMatchObject({ intact: false, brokenAt: { seq: anchor.seq, eventId: anchored.event_id }, reason: BREAK_REASONS.anchorMismatch });
  });

  it('a rewritten tail whose anchor is re-signed without the key: caught at that anchor', async () => {
    const anchor = await lastAnchor('reanchored');
    const rows = await rewriteTail('reanchored', anchor.position - 1);
    const anchored = rows.find((row) => row.seq === anchor.seq) as Row;
    const forged = signAnchor(Buffer.from('a key that is not the service key!'), { ...anchor, hash: anchored.hash });
    await svc.db.query(`UPDATE security.audit_anchors SET hash = $3, signature = $4 WHERE tenant_id = $1 AND position = $2`, ['reanchored', anchor.position, forged.hash, forged.signature]);
    expect(await verify('reanchored')).toMatchObject({ intact: false, brokenAt: { seq: anchor.seq }, reason: BREAK_REASONS.anchorSignature });
  });

  it('entries cut from the end, past an anchor: caught at the anchored entry', async () => {
    const anchor = await lastAnchor('truncated');
    await svc.db.query(`DELETE FROM security.audit_entries WHERE tenant_id = $1 AND position >= $2`, ['truncated', anchor.position - 1]);
    expect(await verify('truncated')).toMatchObject({ intact: false, brokenAt: { seq: anchor.seq, eventId: anchor.eventId }, reason: BREAK_REASONS.anchoredEntryMissing });
  });

  async function lastAnchor(tenant: string) {
    const [row] = await svc.db.query(`SELECT * FROM security.audit_anchors WHERE tenant_id = $1 ORDER BY position DESC LIMIT 1`, [tenant]);
    expect(row).toBeDefined();
    return { tenantId: tenant, position: Number(row.position), seq: String(row.seq), eventId: row.event_id, hash: row.hash, signedAt: row.signed_at, prevSignature: row.prev_signature };
  }

  /** Changes the entry at `index` (0-based) and recomputes every hash from there on, as an attacker with table access could. */
  async function rewriteTail(tenant: string, index: number): Promise<Row[]> {
    const rows = await chainOf(tenant);
    let prevHash = rows[index].prev_hash;
    for (const row of rows.slice(index)) {
      if (row === rows[index]) row.actor = 'someone-else';
      row.prev_hash = prevHash;
      row.hash = chainHash(row.hash_version, prevHash, Number(row.position), {
        tenantId: row.tenant_id,
        eventId: row.event_id,
        type: row.type,
        source: row.source,
        occurredAt: row.occurred_at,
        payloadDigest: row.payload_digest,
        actor: row.actor,
        subject: row.subject,
      });
      await svc.db.query(`UPDATE security.audit_entries SET actor = $2, prev_hash = $3, hash = $4 WHERE seq = $1`, [row.seq, row.actor, row.prev_hash, row.hash]);
      prevHash = row.hash;
    }
    return rows;
  }
});

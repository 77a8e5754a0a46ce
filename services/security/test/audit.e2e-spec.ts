import { newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { RecordAuditEntries } from '../src/audit/use-cases/record-audit-entries';
import { EMPTY_CHAIN, linkEntries } from '../src/audit/domain/audit-chain';
import { auditRecordOf } from '../src/audit/domain/audit-record';

describe('security: audit trail from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let token: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    token = await svc.token({ tenant: 'acme', roles: ['security'] });
  });

  afterAll(() => svc?.stop());

  const get = (path: string) => svc.http().get(path).auth(token, { type: 'bearer' }).expect(200);

  it('enters every event once in a hash chain that verifies, and detects tampering', async () => {
    const fault = newCloudEvent({
      type: 'fault.reported',
      source: '/test',
      tenantId: 'acme',
      data: { faultId: 'F-1', kind: 'network', severity: 'major', region: 'beijing', description: 'fibre cut' },
    });
    const complaint = newCloudEvent({
      type: 'complaint.filed',
      source: '/test',
      tenantId: 'acme',
      data: { complaintId: 'CP-1', category: 'billing', description: 'double charge' },
    });
    await publishToBus(svc.env.namespace, [fault, fault, complaint]);
    await eventually(async () => {
      const metrics = (await svc.http().get('/metrics')).text;
      expect(metricValue(metrics, 'hotline_events_consumed_total', { outcome: 'handled' })).toBe(2);
      expect(metricValue(metrics, 'hotline_events_consumed_total', { outcome: 'duplicate' })).toBe(1);
    });

    const { items, nextCursor } = (await get('/v1/audit/entries')).body;
    expect(items.map((e: { eventId: string }) => e.eventId).sort()).toEqual([fault.id, complaint.id].sort());
    expect(nextCursor).toBeNull();
    expect((await get('/v1/audit/verify')).body).toEqual({ intact: true, entries: 2, anchors: 1 });

    await svc.db.query(`UPDATE security.audit_entries SET type = 'contact.queued' WHERE event_id = $1`, [fault.id]);
    expect((await get('/v1/audit/verify')).body).toMatchObject({ intact: false, brokenAt: { eventId: fault.id }, reason: expect.stringContaining('altered') });
  });

  it('takes a limit, and refuses one that is not a whole number with a 400 naming it', async () => {
    expect((await get('/v1/audit/entries?limit=1')).body.items).toHaveLength(1);
    for (const query of ['limit=abc', 'limit=1.5', 'limit=1&limit=2']) {
      const res = await svc.http().get(`/v1/audit/entries?${query}`).auth(token, { type: 'bearer' }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ path: 'query.limit', message: expect.any(String) }]);
    }
  });

  it('links a batch that failed correctly when its members are retried one by one, and appends a redelivery nowhere', async () => {
    const answered = (tenantId: string, n: number) =>
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId, data: { contactId: `C-${n}`, agentId: 'A-1' } });
    // An entry already in the chain under an event id the inbox has not seen: appending it again
    // violates the table's uniqueness, so the batch holding it fails as a whole.
    const clash = answered('clash', 0);
    const [entry] = linkEntries(EMPTY_CHAIN, [auditRecordOf(clash)]);
    await svc.db.query(
      `INSERT INTO security.audit_entries (tenant_id, position, event_id, type, source, occurred_at, payload_digest, actor, subject, hash_version, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [entry.tenantId, entry.position, entry.eventId, entry.type, entry.source, entry.occurredAt, entry.payloadDigest, entry.actor, entry.subject, entry.hashVersion, entry.prevHash, entry.hash],
    );
    const others = [...Array.from({ length: 10 }, (_, n) => answered('clash', n + 1)), ...Array.from({ length: 5 }, (_, n) => answered('bystander', n))];
    await publishToBus(svc.env.namespace, [...others.slice(0, 8), clash, ...others.slice(8)]);
    const count = async (tenant: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM security.audit_entries WHERE tenant_id = $1`, [tenant]))[0].n);
    await eventually(async () => {
      expect(await count('clash')).toBe(11);
      expect(await count('bystander')).toBe(5);
    });
    await publishToBus(svc.env.namespace, others);
    await eventually(async () => {
      const metrics = (await svc.http().get('/metrics')).text;
      expect(metricValue(metrics, 'hotline_events_consumed_total', { outcome: 'duplicate', type: 'contact.answered' })).toBe(others.length);
    });
    expect(await count('clash')).toBe(11);
    for (const tenant of ['clash', 'bystander']) {
      const bearer = await svc.token({ tenant, roles: ['security'] });
      const verdict = (await svc.http().get('/v1/audit/verify').auth(bearer, { type: 'bearer' }).expect(200)).body;
      expect(verdict).toMatchObject({ intact: true, entries: tenant === 'clash' ? 11 : 5 });
    }
  });

  it('keeps every chain linked when batches holding the same tenants, in either order, commit concurrently', async () => {
    const recordAuditEntries = svc.app.get(RecordAuditEntries);
    const batch = (tenants: string[]) =>
      svc.app.get(DataSource).transaction(async (manager) => {
        const events = Array.from({ length: 20 }, (_, n) =>
          tenants.map((tenantId) => newCloudEvent({ type: 'contact.answered', source: '/test', tenantId, data: { contactId: `C-${n}`, agentId: 'A-1' } })),
        );
        await recordAuditEntries.execute(manager, events.flat());
      });
    await Promise.all(Array.from({ length: 8 }, (_, n) => batch(n % 2 === 0 ? ['left', 'right'] : ['right', 'left'])));
    for (const tenant of ['left', 'right']) {
      const bearer = await svc.token({ tenant, roles: ['security'] });
      const verdict = (await svc.http().get('/v1/audit/verify').auth(bearer, { type: 'bearer' }).expect(200)).body;
      expect(verdict).toEqual({ intact: true, entries: 160, anchors: 1 });
    }
  });
});

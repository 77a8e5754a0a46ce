import { newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

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
});

import { newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** What dispatch publishes when a user exports a complaint (or reads a page of cases: `case.read`). */
function audited(tenantId: string, actorId: string, action: string, records: number) {
  return newCloudEvent({
    type: 'audit.recorded',
    source: '/hotline/dispatch',
    tenantId,
    data: { actor: { id: actorId, kind: 'user', roles: ['supervisor'] }, action, subject: { type: 'complaint', id: 'CMP-1' }, records, service: 'dispatch' },
  });
}

function reported(tenantId: string, kind: string, severity: 'P1' | 'P2' | 'P3' | 'P4') {
  return newCloudEvent({
    type: 'security.reported',
    source: '/crm',
    tenantId,
    data: { kind, severity, description: 'Agent copied a customer list to a USB stick', actor: 'agent-9' },
  });
}

describe('security: bulk reads and platform reports open incidents (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
  });

  afterAll(() => svc?.stop());

  const incidentsOf = (tenantId: string, type: string) =>
    svc.db.query(`SELECT id, severity, state, detections, summary FROM security.incidents WHERE tenant_id = $1 AND type = $2`, [tenantId, type]);
  const handled = async (type: string) =>
    metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { outcome: 'handled', type, queue: `${svc.env.namespace}.security.detection` });
  const security = (tenant: string) => svc.token({ tenant, roles: ['security'] });

  it('opens one bulk_read incident when a user’s exports reach the standard’s count, and ignores redeliveries and other actions', async () => {
    const exports = Array.from({ length: 9 }, () => audited('acme', 'sup-1', 'complaint.export', 1));
    const noise = [audited('acme', 'sup-1', 'complaint.acknowledge', 1), audited('acme', 'sup-2', 'complaint.export', 1)];
    await publishToBus(svc.env.namespace, [...exports, exports[0], ...noise]);
    await eventually(async () => expect(await handled('audit.recorded')).toBe(11));
    expect(await incidentsOf('acme', 'bulk_read')).toEqual([]);

    const tenth = audited('acme', 'sup-1', 'complaint.export', 1);
    await publishToBus(svc.env.namespace, [tenth, audited('acme', 'sup-1', 'complaint.export', 1)]);
    await eventually(async () => expect(await handled('audit.recorded')).toBe(13));
    const [incident, ...more] = await incidentsOf('acme', 'bulk_read');
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ severity: 'P2', state: 'open', detections: 2, summary: 'sup-1 exported 10 customer records within 60 min' });

    const detail = (await svc.http().get(`/v1/incidents/${incident.id}`).auth(await security('acme'), { type: 'bearer' }).expect(200)).body;
    expect(detail.steps.map(({ id }: { id: string }) => id)).toEqual(['triage', 'contain', 'report', 'review']);
    expect(detail.timeline[0].detail).toMatchObject({ eventId: tenth.id, standardId: 'bulk-export-records', standardVersion: '1', actorId: 'sup-1', records: 10 });
  });

  it('takes a tenant’s tightened threshold (standards.published), naming its version', async () => {
    await tightenTenantStandards(svc, 'globex', await security('globex'), { 'bulk-read-records': { kind: 'count', count: 100 } });
    await publishToBus(svc.env.namespace, [audited('globex', 'ops-4', 'case.read', 60), audited('globex', 'ops-4', 'case.read', 50)]);
    await eventually(async () => expect(await incidentsOf('globex', 'bulk_read')).toEqual([expect.objectContaining({ severity: 'P3' })]));
    const [{ id }] = await incidentsOf('globex', 'bulk_read');
    const detail = (await svc.http().get(`/v1/incidents/${id}`).auth(await security('globex'), { type: 'bearer' }).expect(200)).body;
    expect(detail.timeline[0].detail).toMatchObject({ standardId: 'bulk-read-records', standardVersion: 'globex:3@1', records: 110 });
  });

  it('opens an incident of the kind and severity a platform reported, once for repeats', async () => {
    const report = reported('acme', 'data_exfiltration', 'P1');
    await publishToBus(svc.env.namespace, [report, report, reported('acme', 'data_exfiltration', 'P1')]);
    await eventually(async () => expect(await handled('security.reported')).toBe(2));
    const [incident, ...more] = await incidentsOf('acme', 'platform_reported');
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ severity: 'P1', detections: 2, summary: '/crm reported data_exfiltration by agent-9' });
    const detail = (await svc.http().get(`/v1/incidents/${incident.id}`).auth(await security('acme'), { type: 'bearer' }).expect(200)).body;
    expect(detail).toMatchObject({ planId: 'plan-platform-reported', severity: 'P1' });
    expect(JSON.stringify(detail.timeline)).not.toContain('USB');
  });
});

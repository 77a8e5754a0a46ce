import { newCloudEvent } from '@hotline/contracts';
import { TenantStandards } from '@hotline/tenant-standards';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const published = (tenantId: string, version: string, effectiveFrom: string, standards: Record<string, { kind: string } & Record<string, unknown>>) =>
  newCloudEvent({
    type: 'standards.published',
    source: '/hotline/intake',
    tenantId,
    id: `standards.published:${tenantId}:${version}`,
    data: { version, effectiveFrom, standards },
  });

describe("quality: tenants' standards from the bus, GET /v1/standards (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;
  const v3 = published('acme', '3', '2026-01-01T00:00:00+08:00', { 'answer-time': { kind: 'deadline', seconds: 20 } });
  const v4 = published('acme', '4', '2026-06-01T00:00:00Z', { 'answer-time': { kind: 'deadline', seconds: 15 } });
  const globex = published('globex', '1', '2026-02-01T00:00:00Z', { 'long-hold': { kind: 'deadline', seconds: 30 } });

  // One role each: any role of the tenant may read its standards.
  const tokens: Record<string, string> = { acme: '', globex: '', initech: '' };
  const get = (tenant: string, query = '') => svc.http().get(`/v1/standards${query}`).auth(tokens[tenant], { type: 'bearer' });
  const consumed = async (outcome: 'handled' | 'duplicate') =>
    metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type: 'standards.published', outcome });
  const deadLettered = async () =>
    metricValue((await svc.http().get('/metrics')).text, 'hotline_events_dead_lettered_total', { type: 'standards.published' });

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    const roles = { acme: 'agent', globex: 'security', initech: 'supervisor' } as const;
    for (const [tenant, role] of Object.entries(roles)) tokens[tenant] = await svc.token({ tenant, roles: [role] });
  });

  afterAll(() => svc?.stop());

  it('keeps every version received once, and shows the one in force now and at ?at=', async () => {
    await publishToBus(svc.env.namespace, [v3, v4, v3, globex]);
    await eventually(async () => {
      expect(await consumed('handled')).toBe(3);
      expect(await consumed('duplicate')).toBe(1);
    });

    const now = (await get('acme').expect(200)).body;
    expect(now).toEqual({
      tenantId: 'acme',
      at: expect.any(String),
      inForce: { version: 'acme:4@1', tenantVersion: '4', effectiveFrom: '2026-06-01T00:00:00.000Z' },
      versions: [
        { tenantId: 'acme', version: '3', effectiveFrom: '2025-12-31T16:00:00.000Z', standards: v3.data.standards, receivedAt: expect.any(String), inForce: false },
        { tenantId: 'acme', version: '4', effectiveFrom: '2026-06-01T00:00:00.000Z', standards: v4.data.standards, receivedAt: expect.any(String), inForce: true },
      ],
    });
    const march = (await get('acme', '?at=2026-03-01T00:00:00%2B08:00').expect(200)).body;
    expect(march).toMatchObject({ at: '2026-02-28T16:00:00.000Z', inForce: { version: 'acme:3@1', tenantVersion: '3' } });
    const before = (await get('acme', '?at=2025-06-01T00:00:00Z').expect(200)).body;
    expect(before.inForce).toEqual({ version: '1', tenantVersion: null, effectiveFrom: '2000-01-01T00:00:00.000Z' });
  });

  it('resolves, for the handlers that judge, the version in force at an instant', async () => {
    const standards = svc.app.get(TenantStandards);
    const answer = (await standards.resolve('acme', new Date('2026-03-01T00:00:00Z'))).standard('answer-time');
    expect(answer).toMatchObject({ seconds: 20, standardId: 'answer-time', standardVersion: 'acme:3@1' });
    expect((await standards.resolve('acme', new Date('2026-07-01T00:00:00Z'))).version).toBe('acme:4@1');
    expect((await standards.resolve('initech', new Date())).version).toBe('1');
  });

  it('sees a version another replica kept, within the cache TTL', async () => {
    const standards = svc.app.get(TenantStandards);
    const august = new Date('2026-08-01T00:00:00Z');
    expect((await standards.resolve('acme', august)).version).toBe('acme:4@1'); // now cached on this replica
    // What another replica's handler writes when it consumes version 4.1.
    await svc.db.query(
      `INSERT INTO quality.tenant_standard_versions (tenant_id, version, effective_from, standards, event_id)
       VALUES ('acme', '4.1', '2026-07-01T00:00:00Z', '{"answer-time": {"kind": "deadline", "seconds": 10}}', 'other-replica')`,
    );
    await eventually(async () => expect((await standards.resolve('acme', august)).version).toBe('acme:4.1@1'));
    const held = (await get('acme', '?at=2026-08-01T00:00:00Z').expect(200)).body;
    expect(held.inForce.tenantVersion).toBe('4.1');
    expect(held.versions.map((v: { version: string }) => v.version)).toEqual(['3', '4', '4.1']);
  });

  it("shows each tenant only its own versions, to any of its roles", async () => {
    const body = (await get('globex').expect(200)).body;
    expect(body.versions.map((v: { tenantId: string; version: string }) => `${v.tenantId}:${v.version}`)).toEqual(['globex:1']);
    expect((await get('initech').expect(200)).body).toMatchObject({ versions: [], inForce: { version: '1' } });
    await svc.http().get('/v1/standards').expect(401);
  });

  it('answers 400 naming query.at when it is no ISO date-time', async () => {
    for (const query of ['?at=yesterday', '?at=2026-02-30T00:00:00Z', '?at=2026-01-01T00:00:00', '?other=1']) {
      const res = await get('acme', query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ path: expect.stringMatching(/^query/), message: expect.any(String) }]);
    }
  });

  it('dead-letters a version this release cannot apply (one that loosens a floor) and keeps nothing of it', async () => {
    await publishToBus(svc.env.namespace, [published('acme', '5', '2026-09-01T00:00:00Z', { 'answer-time': { kind: 'deadline', seconds: 60 } })]);
    await eventually(async () => expect(await deadLettered()).toBe(1));
    expect((await get('acme').expect(200)).body.versions.map((v: { version: string }) => v.version)).toEqual(['3', '4', '4.1']);
  });
});

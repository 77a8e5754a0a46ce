import { expectRouteWalk, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('intake: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;
  let operator: string;
  let keyOfB: string;
  const keysOfB = async () =>
    (await svc.http().get('/v1/admin/tenants/tenant-b/api-keys').auth(operator, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    // The walk fails every admin route on purpose, about ten times each: it must meet 401s, not the throttle's 429.
    svc = await startService(AppModule, { name: 'intake', env: { ADMIN_THROTTLE_FAILURES: '1000' } });
    // Tenant B's API key and standards version, as the platform operator sets them up, each holding a text no request names.
    operator = await svc.token({ tenant: '*', roles: ['admin'] });
    const created = await svc.http().post('/v1/admin/tenants/tenant-b/api-keys').auth(operator, { type: 'bearer' }).send({ name: MARKER }).expect(201);
    keyOfB = created.body.id;
    const standards = { effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'forbidden-phrases': { kind: 'phrases', add: { en: [MARKER] } } } };
    await svc.http().put('/v1/admin/tenants/tenant-b/standards/v-b').auth(operator, { type: 'bearer' }).send(standards).expect(201);
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER, params: { id: keyOfB, version: 'v-b' } });
    expect(counts.agentRefused).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });

  it("lets tenant A's admin change nothing of B's: revoking B's key or replacing its standards is a 403, and both stay", async () => {
    const admin = await svc.token({ tenant: 'acme', roles: ['admin'] });
    await svc.http().delete(`/v1/admin/tenants/tenant-b/api-keys/${keyOfB}`).auth(admin, { type: 'bearer' }).expect(403);
    const standards = { effectiveFrom: '2026-01-01T00:00:00Z', standards: {} };
    await svc.http().put('/v1/admin/tenants/tenant-b/standards/v-b').auth(admin, { type: 'bearer' }).send(standards).expect(403);
    expect(await keysOfB()).toEqual([expect.objectContaining({ id: keyOfB, name: MARKER, revokedAt: null })]);
    const held = await svc.http().get('/v1/admin/tenants/tenant-b/standards/v-b').auth(operator, { type: 'bearer' }).expect(200);
    expect(held.text).toContain(MARKER);
  });
});

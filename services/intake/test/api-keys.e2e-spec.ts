import { hashApiKey } from '@hotline/platform';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { type AdminTokens, adminTokens } from './support/admin-tokens';
import { queued } from './support/events';

describe('intake: tenants’ API keys through the admin API (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tokens: AdminTokens;

  const keysOf = (tenant: string) => `/v1/admin/tenants/${tenant}/api-keys`;
  const create = (tenant: string, body: object, token = tokens.acmeAdmin) =>
    svc.http().post(keysOf(tenant)).set('Authorization', `Bearer ${token}`).send(body);
  const list = (tenant: string, token = tokens.acmeAdmin) => svc.http().get(keysOf(tenant)).set('Authorization', `Bearer ${token}`);
  const revoke = (tenant: string, id: string, token = tokens.acmeAdmin) =>
    svc.http().delete(`${keysOf(tenant)}/${id}`).set('Authorization', `Bearer ${token}`);
  const ingest = (key: string, id: string) => svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send(queued(id));

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    tokens = await adminTokens(svc);
  });

  afterAll(() => svc?.stop());

  it('creates a key shown once, stores only its hash, and the key sends events for its tenant', async () => {
    const res = await create('acme', { name: 'amazon-connect-prod' }).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tenantId: 'acme',
      name: 'amazon-connect-prod',
      prefix: expect.stringMatching(/^hlk_[A-Za-z0-9]{8}$/),
      scopes: ['events:write'],
      createdAt: expect.any(String),
      key: expect.stringMatching(/^hlk_/),
    });
    expect(res.body.key.startsWith(`${res.body.prefix}_`)).toBe(true);

    const [row] = await svc.db.query(`SELECT * FROM intake.api_keys WHERE id = $1`, [res.body.id]);
    expect(row.key_hash).toBe(hashApiKey(res.body.key));
    expect(JSON.stringify(row)).not.toContain(res.body.key);

    await ingest(res.body.key, 'k-1').expect(202).expect({ accepted: ['k-1'], duplicates: [] });
    await eventually(async () => expect(svc.tap.events).toContainEqual(expect.objectContaining({ id: 'k-1', tenantid: 'acme' })));
  });

  it("lists the tenant's keys without keys or hashes, with when each was last used", async () => {
    const created = (await create('acme', { name: 'reader', scopes: ['events:read'] }).expect(201)).body;
    const res = await list('acme').expect(200);
    const listed = res.body.find((k: { id: string }) => k.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'reader',
      prefix: created.prefix,
      scopes: ['events:read'],
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(res.body.map((k: { name: string }) => k.name)).toEqual(['amazon-connect-prod', 'reader']);
    expect(JSON.stringify(res.body)).not.toMatch(/"key"|keyHash|key_hash|hlk_[A-Za-z0-9]{8}_/);
    // The first key was used in the previous test.
    await eventually(async () => expect((await list('acme')).body[0].lastUsedAt).toEqual(expect.any(String)));
    // A key without events:write may not send events.
    await ingest(created.key, 'k-2').expect(403);
  });

  it('revokes a key: it is refused from then on, and revoking again keeps the first time', async () => {
    const { id, key } = (await create('acme', { name: 'to-revoke' }).expect(201)).body;
    await ingest(key, 'r-1').expect(202);
    await revoke('acme', id).expect(204);
    const refused = await ingest(key, 'r-2').expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const first = (await list('acme').expect(200)).body.find((k: { id: string }) => k.id === id).revokedAt;
    expect(first).toEqual(expect.any(String));
    await revoke('acme', id).expect(204);
    const second = (await list('acme').expect(200)).body.find((k: { id: string }) => k.id === id).revokedAt;
    expect(second).toBe(first);
  });

  it("answers 404 for a key the tenant does not have, including another tenant's", async () => {
    const globexKey = (await create('globex', { name: 'globex' }, tokens.globexAdmin).expect(201)).body;
    const unknown = await revoke('acme', '00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ status: 404, detail: expect.stringContaining('00000000-0000-4000-8000-000000000000') });
    await revoke('acme', 'not-a-uuid').expect(404);
    await revoke('acme', globexKey.id).expect(404);
    await ingest(globexKey.key, 'g-1').expect(202);
  });

  it('refuses people who are not admins, and admins of another tenant', async () => {
    await svc.http().get(keysOf('acme')).expect(401);
    await list('acme', tokens.acmeSupervisor).expect(403);
    await create('acme', { name: 'nope' }, tokens.acmeSupervisor).expect(403);

    const other = await list('acme', tokens.globexAdmin).expect(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    await create('acme', { name: 'nope' }, tokens.globexAdmin).expect(403);
    const acmeKeyId = (await list('acme').expect(200)).body[0].id;
    await revoke('acme', acmeKeyId, tokens.globexAdmin).expect(403);
    expect((await list('acme').expect(200)).body[0].revokedAt).toBeNull();
    const names = (await list('acme').expect(200)).body.map((k: { name: string }) => k.name);
    expect(names).not.toContain('nope');
  });

  it('refuses a NUL in a tenant or key id with a 400 naming the parameter, not a 500', async () => {
    const nul = 'must not contain NUL (U+0000)';
    for (const res of [
      await list('ac%00me', tokens.operator),
      await create('%00', { name: 'nul' }, tokens.operator),
      await revoke('%00', '00000000-0000-4000-8000-000000000000', tokens.operator),
    ]) {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ path: 'params.tenantId', message: nul }]);
    }
    const id = await revoke('acme', '%00', tokens.operator).expect(400);
    expect(id.body.errors).toEqual([{ path: 'params.id', message: nul }]);
    await revoke('acme', 'not-a-uuid', tokens.operator).expect(404);
  });

  it("lets the platform operator (tenant *) manage any tenant's keys", async () => {
    const created = await create('initech', { name: 'by-operator' }, tokens.operator).expect(201);
    expect(created.body.tenantId).toBe('initech');
    const listed = await list('initech', tokens.operator).expect(200);
    expect(listed.body.map((k: { id: string }) => k.id)).toEqual([created.body.id]);
    await revoke('initech', created.body.id, tokens.operator).expect(204);
  });

  it('answers an invalid request with a 400 naming each problem, and creates nothing', async () => {
    const count = async () => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.api_keys`))[0].n);
    const before = await count();
    const scope = await create('acme', { name: 'x', scopes: ['events:write', 'admin:everything'] }).expect(400);
    expect(scope.headers['content-type']).toContain('application/problem+json');
    expect(scope.body.errors).toEqual([{ path: 'scopes.1', message: expect.stringContaining('"admin:everything"') }]);
    const missing = await create('acme', {}).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    const reserved = await create('_platform', { name: 'x' }, tokens.operator).expect(400);
    expect(reserved.body.errors).toEqual([expect.objectContaining({ path: 'tenantId' })]);
    expect(await count()).toBe(before);
  });

  it('documents the admin API in OpenAPI', async () => {
    const doc = (await svc.http().get('/docs-json').expect(200)).body;
    const path = doc.paths['/v1/admin/tenants/{tenantId}/api-keys'];
    expect(path.post.tags).toEqual(['admin']);
    expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['201', '400', '403']));
    expect(doc.paths['/v1/admin/tenants/{tenantId}/api-keys/{id}'].delete.responses['404']).toBeDefined();
  });
});

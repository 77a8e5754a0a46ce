import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/**
 * DESIGN decision 13 for intake: each change through an admin route publishes one `audit.recorded`
 * through the outbox, for the tenant it concerns; a refused change publishes nothing.
 */
describe('intake: audit.recorded for every admin change (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let ada: string; // acme's admin
  let gus: string; // globex's admin
  let olga: string; // the platform operator

  const base = (tenant: string) => `/v1/admin/tenants/${tenant}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const createKey = (tenant: string, body: object, token = ada) => svc.http().post(`${base(tenant)}/api-keys`).set(bearer(token)).send(body);
  const revokeKey = (tenant: string, id: string, token = ada) => svc.http().delete(`${base(tenant)}/api-keys/${id}`).set(bearer(token));
  const putStandards = (tenant: string, version: string, body: object, token = ada) => svc.http().put(`${base(tenant)}/standards/${version}`).set(bearer(token)).send(body);
  const putCredential = (tenant: string, platform: 'twilio' | 'helpscout', body: object, token = ada) =>
    svc.http().put(`${base(tenant)}/credentials/${platform}`).set(bearer(token)).send(body);

  const audits = (tenant: string) => svc.tap.events.filter((e) => e.type === 'audit.recorded' && e.tenantid === tenant);
  const data = (event: CloudEvent) => event.data as { action: string; actor: unknown; subject: { type: string; id: string } };

  /**
   * The tenant's audit events up to a sentinel change made now: the relay publishes in outbox order,
   * so an event the earlier requests had written would show before the sentinel's.
   */
  async function auditsBeforeSentinel(tenant: string): Promise<CloudEvent[]> {
    const sentinel = (await createKey(tenant, { name: 'sentinel' }, olga).expect(201)).body.id as string;
    let seen: CloudEvent[] = [];
    await eventually(async () => {
      seen = audits(tenant);
      expect(seen.map((e) => e.subject)).toContain(sentinel);
    });
    return seen.slice(0, seen.findIndex((e) => e.subject === sentinel));
  }

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    ada = await svc.token({ tenant: 'acme', roles: ['admin'], subject: 'ada' });
    gus = await svc.token({ tenant: 'globex', roles: ['admin'], subject: 'gus' });
    olga = await svc.token({ tenant: '*', roles: ['admin'], subject: 'olga' });
  });

  afterAll(() => svc?.stop());

  it('audits creating and revoking an API key once each, never the key, and a second revocation not at all', async () => {
    const created = (await createKey('acme', { name: 'connect-prod', scopes: ['events:write'] }).expect(201)).body;
    await revokeKey('acme', created.id).expect(204);
    await revokeKey('acme', created.id).expect(204);

    const events = await auditsBeforeSentinel('acme');
    expect(events).toEqual([
      expect.objectContaining({ source: '/hotline/intake', subject: created.id }),
      expect.objectContaining({ source: '/hotline/intake', subject: created.id }),
    ]);
    expect(events.map(data)).toEqual([
      expect.objectContaining({
        action: 'api_key.create',
        actor: { id: 'ada', kind: 'user', roles: ['admin'] },
        subject: { type: 'api_key', id: created.id },
        after: { name: 'connect-prod', prefix: created.prefix, scopes: ['events:write'] },
        service: 'intake',
      }),
      expect.objectContaining({ action: 'api_key.revoke', before: { revokedAt: null }, after: { revokedAt: expect.any(String) } }),
    ]);
    expect(JSON.stringify(events)).not.toContain(created.key);
  });

  it("audits a platform operator's change under the tenant it concerns, with the operator as actor", async () => {
    const body = { effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 20 } } };
    await putStandards('globex', '1', body, olga).expect(201);
    await putStandards('globex', '1', body, olga).expect(200); // the same version again changes nothing

    const events = (await auditsBeforeSentinel('globex')).map(data);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'standards.publish',
        actor: { id: 'olga', kind: 'user', roles: ['admin'] },
        subject: { type: 'standards_version', id: '1' },
        after: { version: '1', effectiveFrom: '2026-01-01T00:00:00.000Z', standards: ['answer-time'] },
      }),
    ]);
    expect(audits('*')).toEqual([]);
  });

  it('audits that a platform credential was set, then replaced, never the secret itself', async () => {
    const authToken = 'a'.repeat(32);
    const secretKey = 'hs-secret-1';
    await putCredential('umbrella', 'twilio', { authToken }, olga).expect(204);
    await putCredential('umbrella', 'twilio', { authToken: 'b'.repeat(32) }, olga).expect(204);
    await putCredential('umbrella', 'helpscout', { secretKey }, olga).expect(204);

    const events = await auditsBeforeSentinel('umbrella');
    expect(events.map(data)).toEqual([
      expect.objectContaining({ action: 'credentials.set', subject: { type: 'platform_credentials', id: 'twilio' }, before: { set: false }, after: { set: true } }),
      expect.objectContaining({ action: 'credentials.replace', subject: { type: 'platform_credentials', id: 'twilio' }, before: { set: true }, after: { set: true } }),
      expect.objectContaining({ action: 'credentials.set', subject: { type: 'platform_credentials', id: 'helpscout' }, summary: 'Help Scout secret key set' }),
    ]);
    const text = JSON.stringify(events);
    for (const secret of [authToken, 'b'.repeat(32), secretKey]) expect(text).not.toContain(secret);
  });

  it('publishes nothing for a refused change (403, 400, 404, 409, 422)', async () => {
    await createKey('initech', { name: 'x' }, gus).expect(403);
    await createKey('initech', { name: 'x', scopes: ['nope'] }, olga).expect(400);
    await revokeKey('initech', '00000000-0000-4000-8000-000000000000', olga).expect(404);
    await putCredential('initech', 'twilio', { authToken: 'short' }, olga).expect(400);
    await putCredential('initech', 'helpscout', { secretKey: 'hs-secret-1' }, gus).expect(403);
    const kept = { effectiveFrom: '2026-02-01T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 20 } } };
    await putStandards('initech', '1', kept, olga).expect(201);
    await putStandards('initech', '1', { ...kept, standards: { 'answer-time': { kind: 'deadline', seconds: 10 } } }, olga).expect(409);
    await putStandards('initech', '2', { effectiveFrom: '2026-03-01T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 9999 } } }, olga).expect(422);

    expect((await auditsBeforeSentinel('initech')).map((e) => data(e).action)).toEqual(['standards.publish']);
  });
});

import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { type AdminTokens, adminTokens } from './support/admin-tokens';

const v3 = {
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  standards: {
    'answer-time': { kind: 'deadline', seconds: 20 },
    'forbidden-phrases': { kind: 'phrases', add: { zh: ['你问别人'], en: ['ask someone else'] } },
  },
};

describe("intake: tenants' standards versions through the admin API (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;
  let tokens: AdminTokens;

  const path = (tenant: string, version = '') => `/v1/admin/tenants/${tenant}/standards${version && `/${version}`}`;
  const put = (tenant: string, version: string, body: unknown, token = tokens.acmeAdmin) =>
    svc.http().put(path(tenant, version)).auth(token, { type: 'bearer' }).send(body as object);
  const get = (url: string, token = tokens.acmeAdmin) => svc.http().get(url).auth(token, { type: 'bearer' });
  const published = (tenant: string) => svc.tap.events.filter((e) => e.type === 'standards.published' && e.tenantid === tenant);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    tokens = await adminTokens(svc);
  });

  afterAll(() => svc?.stop());

  it('keeps a new version (201) and publishes it once as standards.published through the outbox', async () => {
    const res = await put('acme', '3', v3).expect(201);
    expect(res.body).toEqual({
      tenantId: 'acme',
      version: '3',
      effectiveFrom: '2025-12-31T16:00:00.000Z',
      standards: v3.standards,
      publishedAt: expect.any(String),
    });
    // The version row names the event the outbox relay published, written in the same transaction.
    const [row] = await svc.db.query(`SELECT event_id FROM intake.standard_versions WHERE tenant_id = 'acme' AND version = '3'`);
    await eventually(async () =>
      expect(published('acme')).toEqual([
        expect.objectContaining({
          id: row.event_id,
          source: '/hotline/intake',
          data: { version: '3', effectiveFrom: '2025-12-31T16:00:00.000Z', standards: v3.standards },
        }),
      ]),
    );
  });

  it('answers 200 to the same version sent again, and publishes nothing more', async () => {
    const reordered = {
      standards: { 'forbidden-phrases': v3.standards['forbidden-phrases'], 'answer-time': { seconds: 20, kind: 'deadline' } },
      effectiveFrom: '2025-12-31T16:00:00Z',
    };
    const res = await put('acme', '3', reordered).expect(200);
    expect(res.body).toMatchObject({ version: '3', effectiveFrom: '2025-12-31T16:00:00.000Z', standards: v3.standards });
    // The relay publishes in outbox order: had the re-send been published, it would show before version 4.
    await put('acme', '4', { ...v3, effectiveFrom: '2026-06-01T00:00:00Z' }).expect(201);
    await eventually(async () => expect(published('acme').map((e) => e.subject)).toEqual(['3', '4']));
  });

  it('decides concurrent PUTs of one new version one at a time: one 201, the others 200, one event', async () => {
    const body = { ...v3, effectiveFrom: '2026-09-01T00:00:00Z' };
    const statuses = (await Promise.all([1, 2, 3, 4].map(() => put('initech', '1', body, tokens.operator)))).map((res) => res.status);
    expect(statuses.sort()).toEqual([200, 200, 200, 201]);
    const october = { ...body, effectiveFrom: '2026-10-01T00:00:00Z' };
    const clash = await Promise.all([put('initech', '2', october, tokens.operator), put('initech', '3', october, tokens.operator)]);
    expect(clash.map((res) => res.status).sort()).toEqual([201, 409]);
    await eventually(async () => expect(published('initech').map((e) => e.subject).sort()).toEqual(['1', clash[0].status === 201 ? '2' : '3']));
  });

  it('refuses other content for an existing version with 409 naming it, and keeps the first', async () => {
    const res = await put('acme', '3', { ...v3, standards: { 'answer-time': { kind: 'deadline', seconds: 15 } } }).expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('standards version 3 with other content');
    const other = await put('acme', '5', v3).expect(409);
    expect(other.body.detail).toMatch(/version 3 already takes effect at 2025-12-31T16:00:00.000Z; version 5/);
    expect((await get(path('acme', '3')).expect(200)).body.standards).toEqual(v3.standards);
  });

  it('answers 400 naming each malformed field', async () => {
    const res = await put('acme', 'v:6', { effectiveFrom: 'soon', standards: { 'answer-tme': { kind: 'deadline', seconds: 20 } } }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['effectiveFrom', 'params.version', 'standards']);
    const kind = await put('acme', '6', { ...v3, standards: { 'billing-error-rate': { kind: 'deadline', seconds: 20 } } }).expect(400);
    expect(kind.body.errors).toEqual([{ path: 'standards.billing-error-rate.kind', message: expect.stringContaining("kind 'ratio'") }]);
    await put('acme', '6', 'not an object').expect(400);
  });

  it('answers 422 naming every loosened field, and keeps nothing', async () => {
    const res = await put('acme', '7', {
      effectiveFrom: '2027-01-01T00:00:00Z',
      standards: {
        'answer-time': { kind: 'deadline', seconds: 45 },
        'network-fault-response': { kind: 'deadline', seconds: 3600 },
        'billing-error-rate': { kind: 'ratio', max: 0.01 },
      },
    }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, title: 'Standards may only be tightened' });
    expect(res.body.errors).toEqual([
      { path: 'standards.answer-time.seconds', message: expect.stringContaining('looser than the floor of 30 s') },
      { path: 'standards.network-fault-response.seconds', message: expect.stringContaining('looser than the floor') },
      { path: 'standards.billing-error-rate.max', message: expect.stringContaining('looser than the floor') },
    ]);
    await get(path('acme', '7')).expect(404);
  });

  it('keeps a heavier etiquette deduction, and refuses a lighter one with 422 naming the field', async () => {
    const heavier = { effectiveFrom: '2027-02-01T00:00:00Z', standards: { 'forbidden-phrases': { kind: 'phrases', points: 30 }, 'long-silence': { kind: 'deadline', seconds: 5 } } };
    await put('hooli', '8', heavier, tokens.operator).expect(201);
    await eventually(async () => expect(published('hooli').filter((e) => (e.data as { version: string }).version === '8')).toHaveLength(1));
    expect((await get(path('hooli', '8'), tokens.operator).expect(200)).body.standards['forbidden-phrases']).toEqual({ kind: 'phrases', points: 30 });

    const lighter = await put('hooli', '9', { effectiveFrom: '2027-03-01T00:00:00Z', standards: { 'forbidden-phrases': { kind: 'phrases', points: 5 } } }, tokens.operator).expect(422);
    expect(lighter.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(lighter.body.errors).toEqual([{ path: 'standards.forbidden-phrases.points', message: expect.stringContaining("lighter than Hotline's default weight of 15") }]);
    await get(path('hooli', '9'), tokens.operator).expect(404);
    const notARule = await put('hooli', '9', { effectiveFrom: '2027-03-01T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 20, points: 10 } } }, tokens.operator).expect(400);
    expect(notARule.body.errors).toEqual([{ path: 'standards.answer-time.points', message: expect.stringContaining('no etiquette rule') }]);
  });

  it("keeps each admin to its own tenant's standards; the operator manages every tenant", async () => {
    await put('acme', '8', v3, tokens.globexAdmin).expect(403);
    await get(path('acme'), tokens.globexAdmin).expect(403);
    await get(path('acme', '3'), tokens.globexAdmin).expect(403);
    await put('acme', '8', v3, tokens.acmeSupervisor).expect(403);
    await put('globex', '1', v3, tokens.operator).expect(201);
    expect((await put('_platform', '1', v3, tokens.operator).expect(400)).body.errors).toEqual([{ path: 'params.tenant', message: expect.any(String) }]);
    expect((await get(path('globex'), tokens.globexAdmin).expect(200)).body.items.map((v: { version: string }) => v.version)).toEqual(['1']);
  });

  it('lists versions in effective order, a page at a time', async () => {
    const first = (await get(`${path('acme')}?limit=1`).expect(200)).body;
    expect(first).toEqual({ items: [expect.objectContaining({ version: '3' })], nextCursor: '2025-12-31T16:00:00.000Z' });
    const second = (await get(`${path('acme')}?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    expect(second.items.map((v: { version: string }) => v.version)).toEqual(['4']);
    expect((await get(path('acme')).expect(200)).body).toEqual({ items: [expect.anything(), expect.anything()], nextCursor: null });
    const bad = await get(`${path('acme')}?limit=0`).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'query.limit', message: expect.any(String) }]);
  });
});

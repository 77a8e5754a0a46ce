import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { leakingTranscript } from './leaking-transcript';

const PLAN = '/v1/response-plans/pii_spoken_by_agent';
const step = (id: string, extra: object = {}) => ({ id, title: `Do ${id}`, owner: 'security', within: 'PT1H', ...extra });
/** acme's plan: the leak report (a regulatory deadline, 72 h by default) tightened to a day, and handed to a team. */
const ACME_PLAN = {
  steps: [
    step('triage', { within: { P1: 'PT10M', P2: 'PT30M', P3: 'PT2H', P4: 'P1D' } }),
    step('notify-dpo', { owner: 'dpo-team', within: 'P1D', standard: 'personal-data-leak-report', after: ['triage'] }),
    step('review', { within: 'P7D', after: ['notify-dpo'] }),
  ],
};

type Plan = { incidentType: string; planId: string; version: string; source: string; steps: { id: string }[] };

describe('security: response plans a tenant edits (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let officer: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security', tap: true });
    officer = await svc.token({ tenant: 'acme', roles: ['security'], subject: 'officer-1' });
  });

  afterAll(() => svc?.stop());

  const as = (token: string) => ({
    get: (path: string) => svc.http().get(path).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) => svc.http().put(path).auth(token, { type: 'bearer' }).send(body),
    post: (path: string, body: object = {}) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body),
  });
  const detail = async (id: string, token = officer) => (await as(token).get(`/v1/incidents/${id}`).expect(200)).body;

  /** Publishes a transcript in which the agent spoke a masked number, and awaits the incident it opens with its steps. */
  const openIncident = async (contactId: string, token = officer, tenantId = 'acme'): Promise<string> => {
    await publishToBus(svc.env.namespace, [leakingTranscript(contactId, tenantId)]);
    return eventually(async () => {
      const items: { id: string; summary: string }[] = (await as(token).get('/v1/incidents?type=pii_spoken_by_agent&limit=100').expect(200)).body.items;
      const found = items.find(({ summary }) => summary.includes(contactId));
      expect(found).toBeDefined();
      expect((await detail(found?.id ?? '', token)).steps.length).toBeGreaterThan(0);
      return found?.id ?? '';
    });
  };

  it('lists the built-in plan of every incident type, a page at a time', async () => {
    const first = (await as(officer).get('/v1/response-plans?limit=2').expect(200)).body;
    expect(first.items.map(({ incidentType, source, version }: Plan) => [incidentType, source, version])).toEqual([
      ['pii_spoken_by_agent', 'built-in', '1'],
      ['brute_force', 'built-in', '1'],
    ]);
    const rest = (await as(officer).get(`/v1/response-plans?limit=10&cursor=${first.nextCursor}`).expect(200)).body;
    expect(rest.items.map(({ incidentType }: Plan) => incidentType)).toEqual(['bulk_read', 'platform_reported', 'inspection_overdue']);
    expect(rest.nextCursor).toBeNull();
    const report = first.items[0].steps.find(({ id }: { id: string }) => id === 'report');
    expect(report).toMatchObject({ owner: 'security', within: { P1: 'P3D', P4: 'P3D' }, standard: 'personal-data-leak-report', after: [] });
    expect((await as(officer).get('/v1/response-plans?cursor=nope').expect(400)).body.errors[0].path).toBe('query.cursor');
  });

  it("replaces the built-in plan for the tenant's new incidents only; an open incident keeps the plan it opened under", async () => {
    const before = await openIncident('C-BEFORE');

    const v1 = (await as(officer).put(PLAN, ACME_PLAN).expect(200)).body;
    expect(v1).toMatchObject({ planId: 'tenant-plan-pii-spoken-by-agent', version: '1', source: 'tenant', updatedBy: { id: 'officer-1' } });
    const v2Plan = { steps: ACME_PLAN.steps.map((s) => (s.id === 'triage' ? { ...s, title: 'Listen to the segment' } : s)) };
    expect((await as(officer).put(PLAN, v2Plan).expect(200)).body).toMatchObject({ version: '2', source: 'tenant' });
    const inForce = (await as(officer).get(PLAN).expect(200)).body;
    expect(inForce).toMatchObject({ version: '2', source: 'tenant', steps: [{ id: 'triage', title: 'Listen to the segment' }, { id: 'notify-dpo', after: ['triage'] }, { id: 'review' }] });
    await eventually(async () => {
      const audits = svc.tap.events.filter((event) => event.type === 'audit.recorded' && (event.data as { action: string }).action === 'response_plan.put');
      expect(audits.map(({ tenantid, data }) => [tenantid, (data as { after: { version: string } }).after.version])).toEqual([
        ['acme', '1'],
        ['acme', '2'],
      ]);
    });

    const after = await detail(await openIncident('C-AFTER'));
    expect(after).toMatchObject({ planId: 'tenant-plan-pii-spoken-by-agent', planVersion: '2' });
    expect(after.steps.map(({ id }: { id: string }) => id)).toEqual(['triage', 'notify-dpo', 'review']);
    const notify = after.steps[1];
    expect(notify).toMatchObject({ ownerRole: 'dpo-team', standardId: 'personal-data-leak-report', after: ['triage'] });
    expect(Date.parse(notify.dueAt) - Date.parse(after.openedAt)).toBe(24 * 3600 * 1000);

    const old = await detail(before);
    expect(old).toMatchObject({ planId: 'plan-pii-spoken-by-agent', planVersion: '1' });
    expect(old.steps.map(({ id }: { id: string }) => id)).toEqual(['triage', 'contain', 'report', 'review']);

    // `after` orders completion: the report waits for triage.
    const early = (await as(officer).post(`/v1/incidents/${after.id}/steps/notify-dpo/complete`).expect(409)).body;
    expect(early).toMatchObject({ type: 'urn:hotline:problem:step-prerequisites-open', open: ['triage'] });
    await as(officer).post(`/v1/incidents/${after.id}/steps/triage/complete`).expect(200);
    await as(officer).post(`/v1/incidents/${after.id}/steps/notify-dpo/complete`).expect(200);
  });

  it('refuses a cycle naming its steps, a loosened regulatory deadline, an unknown incident type and an empty plan', async () => {
    const cyclic = { steps: [step('a', { after: ['c'] }), step('b', { after: ['a'] }), step('c', { after: ['b'] })] };
    const cycle = (await as(officer).put('/v1/response-plans/brute_force', cyclic).expect(422)).body;
    expect(cycle.errors).toEqual([{ path: 'steps[1].after[0]', message: expect.stringContaining('a → c → b → a') }]);
    const looser = { steps: [step('report', { within: 'P4D', standard: 'personal-data-leak-report' })] };
    expect((await as(officer).put('/v1/response-plans/bulk_read', looser).expect(422)).body.errors).toEqual([{ path: 'steps[0].within', message: expect.stringContaining('may only tighten') }]);
    expect((await as(officer).put('/v1/response-plans/dance', ACME_PLAN).expect(400)).body.errors[0].path).toBe('params.incidentType');
    expect((await as(officer).get('/v1/response-plans/dance').expect(400)).body.errors[0].path).toBe('params.incidentType');
    expect((await as(officer).put('/v1/response-plans/brute_force', { steps: [] }).expect(400)).body.errors[0].path).toBe('steps');
    // Nothing was kept.
    expect((await as(officer).get('/v1/response-plans/brute_force').expect(200)).body).toMatchObject({ source: 'built-in', version: '1' });
  });

  it('leaves another tenant on the built-in plan, and lets only security edit a plan', async () => {
    const globex = await svc.token({ tenant: 'globex', roles: ['security'] });
    expect((await as(globex).get(PLAN).expect(200)).body).toMatchObject({ planId: 'plan-pii-spoken-by-agent', source: 'built-in', version: '1' });
    expect(await detail(await openIncident('C-GLOBEX', globex, 'globex'), globex)).toMatchObject({ planId: 'plan-pii-spoken-by-agent', planVersion: '1' });

    await as(await svc.token({ tenant: 'acme', roles: ['agent'] })).put(PLAN, ACME_PLAN).expect(403);
    await as(await svc.token({ tenant: 'acme', roles: ['agent'] })).get(PLAN).expect(403);
    const admin = await svc.token({ tenant: 'acme', roles: ['admin'] });
    await as(admin).put(PLAN, ACME_PLAN).expect(403);
    expect((await as(admin).get(PLAN).expect(200)).body.version).toBe('2');
  });
});

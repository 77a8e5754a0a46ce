import request from 'supertest';
import { signDevToken } from '@hotline/platform';
import { eventually, type IsolatedEnvironment } from '@hotline/testing';
import { startStack, type Stack } from './stack';

/** Bulk-export threshold in force (`bulk-export-records`, built-in): this many complaint exports by one user within the hour. */
const BULK_EXPORTS = 10;

/**
 * Issue 12's Done-when, through the built services as processes: what platforms send to intake
 * becomes security incidents with their response plans and deadlines. (a) an agent reads a
 * customer's phone number back: intake masks it, security sees the agent's segment was masked;
 * (b) a burst of requests with a revoked API key: intake reports the refusals (`access.denied`),
 * security counts them against the tenant's standard; a platform's `security.reported`; (c) a
 * supervisor exports complaints one after another: dispatch audits each export (`audit.recorded`
 * with its count), security sums them per user.
 */
describe('full stack: security incidents from what intake receives', () => {
  let stack: Stack;
  let env: IsolatedEnvironment;
  let services: Stack['services'];
  let officer: string;

  beforeAll(async () => {
    stack = await startStack(['intake', 'dispatch', 'security']);
    ({ env, services } = stack);
    officer = await stack.token('acme', ['security']);
  }, 120_000);

  afterAll(() => stack?.stop());

  const ingest = (events: object[]) => stack.ingest(events);
  type Incident = { id: string; type: string; severity: string; planId: string; summary: string };
  const incidentsOf = async (type: string, token = officer): Promise<Incident[]> =>
    (await request(services.security.url).get(`/v1/incidents?type=${type}`).auth(token, { type: 'bearer' }).expect(200)).body.items;
  /** The incident's plan steps, as hours after its opening. */
  const stepHours = async (id: string, token = officer) => {
    const detail = (await request(services.security.url).get(`/v1/incidents/${id}`).auth(token, { type: 'bearer' }).expect(200)).body;
    return detail.steps.map((step: { id: string; dueAt: string }) => [step.id, (Date.parse(step.dueAt) - Date.parse(detail.openedAt)) / 3_600_000]);
  };

  it('(a) opens a pii_spoken_by_agent incident when the agent speaks a customer’s phone number', async () => {
    await ingest([
      {
        id: 'tr-1',
        source: '/e2e/asr',
        type: 'transcript.recorded',
        time: new Date().toISOString(),
        data: {
          contactId: 'C-PII',
          agentId: 'agent-7',
          language: 'zh',
          segments: [
            { role: 'customer', text: '我想查一下话费', beginOffsetMs: 0, endOffsetMs: 2000 },
            { role: 'agent', text: '好的，您的号码是 13812345678 对吗', beginOffsetMs: 2000, endOffsetMs: 5000 },
          ],
        },
      },
    ]);
    const [incident] = await eventually(async () => {
      const found = await incidentsOf('pii_spoken_by_agent');
      expect(found).toHaveLength(1);
      return found;
    }, { timeoutMs: 20_000 });
    expect(incident).toMatchObject({ severity: 'P2', planId: 'plan-pii-spoken-by-agent' });
    expect(incident.summary).toContain('agent-7');
    expect(incident.summary).not.toContain('13812345678');
    expect(await stepHours(incident.id)).toEqual([
      ['triage', 1],
      ['contain', 4],
      ['report', 72],
      ['review', 336],
    ]);
  }, 30_000);

  it('(b) opens a brute_force incident for a burst of requests with a revoked API key', async () => {
    // Intake reports a burst once (5 refusals of one origin within a minute, then quiet for the
    // minute): acme tightens its brute-force standard from 20 to 5 within 15 min, which security
    // takes from intake's `standards.published`. Refusals of a made-up key belong to no tenant.
    const operator = await signDevToken({ tenant: '*', roles: ['admin'], secret: env.jwtSecret });
    const admin = await signDevToken({ tenant: 'acme', roles: ['admin'], secret: env.jwtSecret });
    const standards = { effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'brute-force-attempts': { kind: 'count', count: 5 } } };
    await request(services.intake.url).put('/v1/admin/tenants/acme/standards/1').auth(admin, { type: 'bearer' }).send(standards).expect(201);
    const leaked = (await request(services.intake.url).post('/v1/admin/tenants/acme/api-keys').auth(operator, { type: 'bearer' }).send({ name: 'leaked' }).expect(201)).body;
    const revoked = await request(services.intake.url).delete(`/v1/admin/tenants/acme/api-keys/${leaked.id}`).auth(operator, { type: 'bearer' });
    expect(revoked.status).toBeLessThan(300);
    await eventually(async () => {
      const held = (await request(services.security.url).get('/v1/standards').auth(officer, { type: 'bearer' }).expect(200)).body;
      expect(held.inForce.version).toBe('acme:1@1');
    }, { timeoutMs: 20_000 });

    for (let i = 0; i < 5; i++) {
      const refused = await request(services.intake.url).post('/v1/events').set('Authorization', `Bearer ${leaked.key}`).send({ events: [] });
      expect(refused.status).toBe(403);
    }
    const [incident] = await eventually(async () => {
      const found = await incidentsOf('brute_force');
      expect(found).toHaveLength(1);
      return found;
    }, { timeoutMs: 20_000 });
    expect(incident).toMatchObject({ severity: 'P3', planId: 'plan-brute-force' });
    expect(incident.summary).toContain(`key:${leaked.prefix}`);
    expect(await stepHours(incident.id)).toEqual([
      ['triage', 4],
      ['contain', 24],
      ['review', 336],
    ]);
  }, 40_000);

  it('opens an incident of the kind and severity a platform reports (security.reported through intake)', async () => {
    const report = { kind: 'credential_leak', severity: 'P1', description: 'An agent password was posted in a public chat', actor: 'agent-12' };
    await ingest([{ id: 'sec-1', source: '/e2e/crm', type: 'security.reported', time: new Date().toISOString(), data: report }]);
    const [incident] = await eventually(async () => {
      const found = await incidentsOf('platform_reported');
      expect(found).toHaveLength(1);
      return found;
    }, { timeoutMs: 20_000 });
    expect(incident).toMatchObject({ severity: 'P1', planId: 'plan-platform-reported', summary: '/e2e/crm reported credential_leak by agent-12' });
  }, 30_000);

  it('(c) opens a bulk_read incident when a supervisor exports complaint after complaint', async () => {
    const ids = Array.from({ length: BULK_EXPORTS }, (_, i) => `K-BULK-${i}`);
    await ingest(ids.map((complaintId) => ({ id: `filed-${complaintId}`, source: '/e2e/crm', type: 'complaint.filed', time: new Date().toISOString(), data: { complaintId, category: 'billing', description: 'Charged twice', customerId: `cust-${complaintId}` } })));
    const supervisor = await signDevToken({ tenant: 'acme', roles: ['supervisor'], subject: 'lead-9', secret: env.jwtSecret });
    const exportOf = (id: string) => request(services.dispatch.url).get(`/v1/complaints/${id}/export?format=csv`).auth(supervisor, { type: 'bearer' });
    await eventually(async () => expect((await exportOf(ids[BULK_EXPORTS - 1])).status).toBe(200), { timeoutMs: 20_000 });
    expect(await incidentsOf('bulk_read')).toEqual([]);
    for (const id of ids.slice(0, -1)) await exportOf(id).expect(200);

    const [incident] = await eventually(async () => {
      const found = await incidentsOf('bulk_read');
      expect(found).toHaveLength(1);
      return found;
    }, { timeoutMs: 20_000 });
    expect(incident).toMatchObject({ severity: 'P2', planId: 'plan-bulk-read', summary: `lead-9 exported ${BULK_EXPORTS} customer records within 60 min` });
    expect(await stepHours(incident.id)).toEqual([
      ['triage', 1],
      ['contain', 4],
      ['report', 72],
      ['review', 336],
    ]);
  }, 40_000);
});

import { createHash } from 'node:crypto';
import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { expectRouteWalk, standardsLabelled, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('security: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;
  let incidentOfB: string;
  let evidenceOfB: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    // Tenant B's audit entries (its agent's id is a text no request names), standards, and an incident (its agent spoke a masked number).
    await publishToBus(svc.env.namespace, [
      standardsLabelled('tenant-b', MARKER),
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'tenant-b', data: { contactId: 'C-B', agentId: MARKER } }),
      newCloudEvent({
        type: 'transcript.recorded',
        source: '/test',
        tenantId: 'tenant-b',
        data: {
          contactId: 'C-B',
          agentId: MARKER,
          language: 'en',
          segments: [{ role: 'agent', text: 'your number is ******5678', beginOffsetMs: 0, endOffsetMs: 1000 }],
          redactions: [{ path: 'segments.0.text', kind: 'mobile', count: 1 }],
        },
      }),
    ]);
    const b = await svc.token({ tenant: 'tenant-b', roles: ['security'] });
    await eventually(async () => {
      expect((await svc.http().get('/v1/audit/entries').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
      expect((await svc.http().get('/v1/standards').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
      const incidents = (await svc.http().get('/v1/incidents').auth(b, { type: 'bearer' }).expect(200)).body.items;
      expect(incidents).toEqual([expect.objectContaining({ summary: expect.stringContaining(MARKER) })]);
      incidentOfB = incidents[0].id;
    });
    // Tenant B's evidence, its content and name carrying the marker.
    const content = Buffer.from(MARKER);
    const evidence = { name: `${MARKER}.txt`, mediaType: 'text/plain', content: content.toString('base64'), sha256: createHash('sha256').update(content).digest('hex') };
    evidenceOfB = (await svc.http().post(`/v1/incidents/${incidentOfB}/evidence`).auth(b, { type: 'bearer' }).send(evidence).expect(201)).body.id;
    // And an inspection under the same id the walk puts in every path.
    const inspection = { title: MARKER, checklist: [MARKER], every: 'P7D', firstDueAt: '2099-01-05T09:00:00Z', ownerRole: 'security' };
    await svc.http().put(`/v1/inspections/${incidentOfB}`).auth(b, { type: 'bearer' }).send(inspection).expect(200);
    // And its own version of the plan of the type the walk names.
    const step = (id: string, extra = {}) => ({ id, title: MARKER, owner: 'security', within: 'PT1H', ...extra });
    const plan = { steps: [step('triage'), step('report', { standard: 'personal-data-leak-report' })] };
    await svc.http().put('/v1/response-plans/pii_spoken_by_agent').auth(b, { type: 'bearer' }).send(plan).expect(200);
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER, params: { id: incidentOfB, stepId: 'triage', evidenceId: evidenceOfB, incidentType: 'pii_spoken_by_agent' } });
    expect(counts.agentRefused).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });
});

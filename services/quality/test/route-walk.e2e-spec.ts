import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { expectRouteWalk, standardsLabelled, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('quality: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    // The alert stream ends soon, so the walk's admitted call to it gets a whole response.
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality', env: { QUALITY_ALERT_STREAM_MAX_SECONDS: '0.2' } });
    // Tenant B's data, on the day the document's example names: a queue and a standards version no request names.
    await publishToBus(svc.env.namespace, [
      standardsLabelled('tenant-b', MARKER),
      newCloudEvent({
        type: 'contact.queued',
        source: '/test',
        tenantId: 'tenant-b',
        time: '2026-11-25T09:30:00Z',
        data: { contactId: 'c-b', channel: 'voice', queue: MARKER, direction: 'inbound' },
      }),
      // A ledger entry of B's, for an agent and a clause no request names.
      newCloudEvent({
        type: 'contact.scored',
        source: '/hotline/quality',
        tenantId: 'tenant-b',
        time: '2026-11-25T09:40:00Z',
        data: {
          contactId: 'c-b',
          agentId: MARKER,
          score: 85,
          deductions: [{ rule: 'greeting', points: 15, evidence: '-', beginOffsetMs: 0, endOffsetMs: 1, standardId: 'greeting', version: '1', clause: MARKER }],
          standardId: 'etiquette',
          standardVersion: '1',
        },
      }),
    ]);
    const b = await svc.token({ tenant: 'tenant-b', roles: ['supervisor'] });
    await eventually(async () => {
      const res = await svc.http().get('/v1/kpis/contact-tallies?day=2026-11-25').auth(b, { type: 'bearer' }).expect(200);
      expect(res.text).toContain(MARKER);
      expect((await svc.http().get('/v1/standards').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
      expect((await svc.http().get('/v1/scorecards?period=2026-11').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
    });
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER, params: { agentId: MARKER } });
    expect(counts.agentRefused).toBeGreaterThan(0);
    expect(counts.agentAdmitted).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });
});

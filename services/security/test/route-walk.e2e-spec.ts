import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { expectRouteWalk, standardsLabelled, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('security: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    // Tenant B's audit entries (its agent's id is a text no request names) and standards.
    await publishToBus(svc.env.namespace, [
      standardsLabelled('tenant-b', MARKER),
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'tenant-b', data: { contactId: 'C-B', agentId: MARKER } }),
    ]);
    const b = await svc.token({ tenant: 'tenant-b', roles: ['security'] });
    await eventually(async () => {
      expect((await svc.http().get('/v1/audit/entries').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
      expect((await svc.http().get('/v1/standards').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
    });
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER });
    expect(counts.agentRefused).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });
});

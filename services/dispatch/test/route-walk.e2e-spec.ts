import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { expectRouteWalk, standardsLabelled, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('dispatch: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;
  let b: string;
  const caseOfB = async () => (await svc.http().get('/v1/cases/CASE-B').auth(b, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch' });
    // Tenant B's standards, case and contact, each holding a text no request names. The standards
    // come first: a contact clocked before its tenant's standards arrive is judged by the defaults.
    b = await svc.token({ tenant: 'tenant-b', roles: ['supervisor'] });
    await publishToBus(svc.env.namespace, [standardsLabelled('tenant-b', MARKER)]);
    await eventually(async () => expect((await svc.http().get('/v1/standards').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER));
    await publishToBus(svc.env.namespace, [
      newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'tenant-b', data: { caseId: 'CASE-B', type: 'billing', priority: 'P3', summary: MARKER } }),
      newCloudEvent({ type: 'contact.queued', source: '/test', tenantId: 'tenant-b', data: { contactId: 'C-B', channel: 'voice', queue: MARKER, direction: 'inbound' } }),
    ]);
    await eventually(async () => {
      expect(JSON.stringify(await caseOfB())).toContain(MARKER);
      const sla = await svc.http().get('/v1/contacts/C-B/sla').auth(b, { type: 'bearer' }).expect(200);
      expect(sla.text).toContain(MARKER);
    });
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER, params: { caseId: 'CASE-B', contactId: 'C-B' } });
    expect(counts.agentAdmitted).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });

  it("lets tenant A change nothing of B's: a legal move of B's case is a 404 to A, and the case stays where it was", async () => {
    const before = await caseOfB();
    const a = await svc.token({ tenant: 'acme', roles: ['supervisor', 'agent'] });
    const move = { to: before.allowedTransitions[0], reason: 'tenant A tries' };
    await svc.http().post('/v1/cases/CASE-B/transitions').auth(a, { type: 'bearer' }).send(move).expect(404);
    expect(await caseOfB()).toEqual(before);
    const timeline = await svc.http().get('/v1/cases/CASE-B/timeline').auth(b, { type: 'bearer' }).expect(200);
    expect(timeline.body.items.filter((item: { kind: string }) => item.kind === 'transition')).toEqual([]);
  });
});

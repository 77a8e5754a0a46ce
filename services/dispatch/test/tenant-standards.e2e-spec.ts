import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** The wiring of libs/tenant-standards in dispatch (the lib's behaviour is covered in quality's tenant-standards e2e). */
describe("dispatch: tenants' standards from the bus, GET /v1/standards (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch' });
  });

  afterAll(() => svc?.stop());

  it('keeps a published version and resolves by ?at=', async () => {
    const event = newCloudEvent({
      type: 'standards.published',
      source: '/hotline/intake',
      tenantId: 'acme',
      id: 'standards.published:acme:3',
      data: { version: '3', effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'network-fault-response': { kind: 'deadline', seconds: 600 } } },
    });
    await publishToBus(svc.env.namespace, [event, event]);
    const token = await svc.token({ tenant: 'acme', roles: ['ops'] });
    const get = (query: string) => svc.http().get(`/v1/standards${query}`).auth(token, { type: 'bearer' });
    await eventually(async () => {
      const body = (await get('?at=2026-02-01T00:00:00Z').expect(200)).body;
      expect(body.inForce).toEqual({ version: 'acme:3@1', tenantVersion: '3', effectiveFrom: '2026-01-01T00:00:00.000Z' });
      expect(body.versions).toEqual([expect.objectContaining({ version: '3', standards: event.data.standards, inForce: true })]);
    });
    expect((await get('?at=2025-12-31T23:59:59Z').expect(200)).body.inForce.version).toBe('1');
  });
});

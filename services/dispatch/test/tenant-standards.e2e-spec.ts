import { expectTenantStandardsWired, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** The wiring of libs/tenant-standards in dispatch (the lib's behaviour is covered in quality's tenant-standards e2e). */
describe("dispatch: tenants' standards from the bus, GET /v1/standards (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch' });
  });

  afterAll(() => svc?.stop());

  it('keeps a published version and resolves by ?at=', () => expectTenantStandardsWired(svc));
});

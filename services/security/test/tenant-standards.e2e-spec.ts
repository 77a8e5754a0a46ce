import { expectTenantStandardsWired, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** The wiring of libs/tenant-standards in security (the lib's behaviour is covered in quality's tenant-standards e2e). */
describe("security: tenants' standards from the bus, GET /v1/standards (real HTTP, PostgreSQL, RabbitMQ)", () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
  });

  afterAll(() => svc?.stop());

  it('keeps a published version and resolves by ?at=', () => expectTenantStandardsWired(svc));
});

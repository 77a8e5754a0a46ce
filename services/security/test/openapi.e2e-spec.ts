import { expectServedOpenApi, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('security: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security' });
  });

  afterAll(() => svc?.stop());

  it('lints clean, and documents JWT routes with their response schema and problems, and health as open', () =>
    expectServedOpenApi(svc, '/v1/audit/entries', 'AuditEntryPage'));
});

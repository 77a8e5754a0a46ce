import { lintOpenApi } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch' });
  });

  afterAll(() => svc?.stop());

  const served = async () => (await svc.http().get('/docs-json').expect(200)).body;

  it('lints clean', async () => {
    expect(await lintOpenApi(await served())).toEqual([]);
  });

  it('documents JWT routes with their response schema and problems, and health as open', async () => {
    const doc = await served();
    expect(doc.security).toEqual([{ jwt: [] }]);
    const operation = doc.paths['/v1/cases/{caseId}'].get;
    expect(operation.security).toBeUndefined();
    expect(JSON.stringify(operation.responses['200'])).toContain('#/components/schemas/Case');
    expect(operation.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(doc.paths['/health'].get.security).toEqual([]);
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bootstrapService } from '@hotline/platform';
import { isolatedEnvironment, type IsolatedEnvironment, lintOpenApi } from '@hotline/testing';
import { AppModule } from '../src/app.module';

describe('security: the OpenAPI document at /docs-json (real HTTP)', () => {
  let env: IsolatedEnvironment;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    app = await bootstrapService(AppModule, { name: 'security', defaultPort: 0 });
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown();
  });

  const served = async () => (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;

  it('lints clean', async () => {
    expect(await lintOpenApi(await served())).toEqual([]);
  });

  it('documents JWT routes with their response schema and problems, and health as open', async () => {
    const doc = await served();
    expect(doc.security).toEqual([{ jwt: [] }]);
    const operation = doc.paths['/v1/audit/entries'].get;
    expect(operation.security).toBeUndefined();
    expect(JSON.stringify(operation.responses['200'])).toContain('#/components/schemas/AuditEntry');
    expect(operation.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(doc.paths['/health'].get.security).toEqual([]);
  });
});

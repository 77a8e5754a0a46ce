import { platformEventTypes } from '@hotline/contracts';
import { lintOpenApi } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const PROBLEM = { $ref: '#/components/schemas/Problem' };

describe('intake: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
  });

  afterAll(() => svc?.stop());

  const served = async () => (await svc.http().get('/docs-json').expect(200)).body;

  it('lints clean', async () => {
    expect(await lintOpenApi(await served())).toEqual([]);
  });

  it('declares the schemes routes use: JWT, the API key (no JWT bearerFormat), the Twilio signature', async () => {
    const doc = await served();
    expect(doc.components.securitySchemes).toEqual({
      jwt: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      'api-key': { type: 'http', scheme: 'bearer', description: expect.any(String) },
      'twilio-signature': expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Twilio-Signature' }),
    });
    expect(doc.paths['/v1/events'].post.security).toEqual([{ 'api-key': [] }]);
    expect(doc.paths['/v1/adapters/genesys/conversations'].post.security).toEqual([{ 'api-key': [] }]);
    expect(doc.paths['/v1/adapters/twilio/taskrouter'].post.security).toEqual([{ 'twilio-signature': [] }]);
    expect(doc.paths['/v1/admin/tenants/{tenantId}/api-keys'].post.security).toBeUndefined(); // the global JWT
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/health/live'].get.security).toEqual([]);
  });

  it('documents POST /v1/events from the contracts: one event of each platform type, {events}, or an array; its answers', async () => {
    const doc = await served();
    const post = doc.paths['/v1/events'].post;
    expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/IngestRequest' });
    const { schemas } = doc.components;
    expect(schemas.IngestRequest.oneOf).toEqual([
      { $ref: '#/components/schemas/IncomingEvent' },
      { $ref: '#/components/schemas/IncomingEventBatch' },
      { $ref: '#/components/schemas/IncomingEventArray' },
    ]);
    expect(Object.keys(schemas.IncomingEvent.discriminator.mapping)).toEqual([...platformEventTypes]);
    expect(schemas.IncomingEvent.oneOf).toHaveLength(platformEventTypes.length);
    expect(schemas.ContactQueuedData.required).toEqual(['contactId', 'channel', 'queue', 'direction']);
    expect(schemas.ContactQueuedData.properties.channel.enum).toEqual(['voice', 'chat', 'email', 'callback', 'video']);
    expect(schemas.IncomingEventArray.maxItems).toBe(1000);

    expect(post.responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/IngestResult' });
    expect(schemas.IngestResult.required).toEqual(['accepted', 'duplicates']);
    expect(Object.keys(schemas.IngestResult.properties)).toEqual(['accepted', 'duplicates', 'conflicts']);
    for (const status of ['400', '401', '403', '409', '413', '415', '429', '500', '503']) {
      expect(post.responses[status].content).toEqual({ 'application/problem+json': { schema: PROBLEM } });
    }
    expect(Object.keys(schemas.Problem.properties)).toEqual(['type', 'title', 'status', 'detail', 'instance', 'errors']);
    expect(Object.keys(schemas.Problem.properties.errors.items.properties)).toEqual(['index', 'path', 'message']);
  });

  it("documents the tenant standards admin routes' answers and problems", async () => {
    const doc = await served();
    const put = doc.paths['/v1/admin/tenants/{tenant}/standards/{version}'].put;
    expect(put.requestBody.content['application/json'].schema.required).toEqual(['effectiveFrom', 'standards']);
    for (const status of ['200', '201']) expect(JSON.stringify(put.responses[status])).toContain('#/components/schemas/StandardVersion');
    for (const status of ['400', '409', '422']) expect(put.responses[status].content['application/problem+json'].schema).toEqual(PROBLEM);
    expect(JSON.stringify(doc.paths['/v1/admin/tenants/{tenant}/standards'].get.responses['200'])).toContain('#/components/schemas/StandardVersionPage');
  });

  it('documents the adapters’ payloads as objects, not strings', async () => {
    const doc = await served();
    const bodies = [
      doc.paths['/v1/adapters/amazon-connect/contact-records'].post,
      doc.paths['/v1/adapters/amazon-connect/contact-lens'].post,
      doc.paths['/v1/adapters/genesys/conversations'].post,
      doc.paths['/v1/adapters/twilio/taskrouter'].post,
    ].map((post) => Object.values(post.requestBody.content).map((media) => (media as { schema: object }).schema));
    expect(JSON.stringify(bodies)).not.toContain('"type":"string"}');
    expect(doc.paths['/v1/adapters/twilio/taskrouter'].post.requestBody.content['application/x-www-form-urlencoded'].schema).toEqual({
      $ref: '#/components/schemas/TaskRouterCallback',
    });
  });
});

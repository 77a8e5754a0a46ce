import { expectServedOpenApi, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('quality: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality' });
  });

  afterAll(() => svc?.stop());

  it('lints clean, and documents JWT routes with their response schema and problems, and health as open', async () => {
    await expectServedOpenApi(svc, '/v1/kpis', 'KpiReport');
    await expectServedOpenApi(svc, '/v1/kpis/contact-tallies', 'ContactTally');
    await expectServedOpenApi(svc, '/v1/scores/{contactId}', 'ContactScore');
    await expectServedOpenApi(svc, '/v1/webhooks', 'Webhook');
    await expectServedOpenApi(svc, '/v1/webhooks/{id}/deliveries', 'WebhookDelivery');
  });

  it('documents the alert stream as text/event-stream, for JWT callers only', async () => {
    const doc = (await svc.http().get('/docs-json').expect(200)).body;
    const stream = doc.paths['/v1/alerts/stream'].get;
    expect(stream.security).toBeUndefined();
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
    expect(stream.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });
});

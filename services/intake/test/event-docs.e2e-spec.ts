import { eventTypes, platformEventTypes } from '@hotline/contracts';
import { lintAsyncApi } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('intake: the AsyncAPI document of the event catalogue at /docs/events (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake' });
  });

  afterAll(() => svc?.stop());

  it('is served without credentials, as AsyncAPI 3.0.0 that checks out', async () => {
    const res = await svc.http().get('/docs/events').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.asyncapi).toBe('3.0.0');
    expect(await lintAsyncApi(res.body)).toEqual([]);
  });

  it('has a channel per event type on hotline.events, and says which side publishes it', async () => {
    const doc = (await svc.http().get('/docs/events').expect(200)).body;
    const channels = Object.values(doc.channels) as { address: string; bindings: { amqp: { exchange: { name: string; type: string } } } }[];
    expect(channels.map((channel) => channel.address).sort()).toEqual([...eventTypes].sort());
    for (const channel of channels) expect(channel.bindings.amqp.exchange).toMatchObject({ name: 'hotline.events', type: 'topic' });

    const actions = Object.fromEntries(
      Object.values(doc.operations as Record<string, { action: string; channel: { $ref: string } }>).map(({ action, channel }) => [
        doc.channels[channel.$ref.replace('#/channels/', '')].address,
        action,
      ]),
    );
    for (const type of eventTypes) expect(actions[type]).toBe((platformEventTypes as readonly string[]).includes(type) ? 'receive' : 'send');

    const queued = doc.components.messages.contactQueued;
    expect(queued.payload.allOf[0]).toEqual({ $ref: '#/components/schemas/CloudEvent' });
    expect(doc.components.schemas.contactQueuedData.required).toEqual(['contactId', 'channel', 'queue', 'direction']);
    expect(doc.components.schemas.CloudEvent.required).toEqual(expect.arrayContaining(['specversion', 'id', 'source', 'type', 'time', 'tenantid']));
  });

  it('leaves the OpenAPI UI and document where they were', async () => {
    await svc.http().get('/docs-json').expect(200);
    expect((await svc.http().get('/docs/')).text).toContain('swagger-ui');
  });
});

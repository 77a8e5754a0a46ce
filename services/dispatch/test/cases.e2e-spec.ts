import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { newCloudEvent } from '@hotline/contracts';
import type { AmqpServer } from '@hotline/messaging';
import { amqpConsumer, bootstrapService, signDevToken } from '@hotline/platform';
import { eventually, isolatedEnvironment, type IsolatedEnvironment, metricValue, publishToBus } from '@hotline/testing';
import { AppModule } from '../src/app.module';

describe('dispatch: cases from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let env: IsolatedEnvironment;
  let app: NestExpressApplication;
  let consumer: AmqpServer;
  let token: string;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    app = await bootstrapService(AppModule, {
      name: 'dispatch',
      defaultPort: 0,
      microservice: (config, nest) => (consumer = amqpConsumer('dispatch')(config, nest)),
    });
    await consumer.whenReady();
    token = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: env.jwtSecret });
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown(consumer?.declaredQueues());
  });

  const handled = async () =>
    metricValue((await request(app.getHttpServer()).get('/metrics')).text, 'hotline_events_consumed_total', { type: 'case.opened' });

  it('opens a case once when the same event is delivered twice', async () => {
    const opened = newCloudEvent({
      type: 'case.opened',
      source: '/test',
      tenantId: 'acme',
      data: { caseId: 'CASE-1', type: 'network_fault', priority: 'P1', summary: 'No signal in Haidian', region: 'beijing' },
    });
    await publishToBus(env.namespace, [opened, opened]);
    await eventually(async () => expect(await handled()).toBe(2));

    const res = await request(app.getHttpServer()).get('/v1/cases/CASE-1').auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toMatchObject({ caseId: 'CASE-1', stage: 'acceptance', priority: 'P1', region: 'beijing' });
    expect(res.body.history).toHaveLength(1);
    expect(res.body.history[0]).toMatchObject({ eventId: opened.id, kind: 'case.opened' });
  });

  it('keeps tenants apart', async () => {
    const other = await signDevToken({ tenant: 'globex', roles: ['agent'], secret: env.jwtSecret });
    const res = await request(app.getHttpServer()).get('/v1/cases/CASE-1').auth(other, { type: 'bearer' }).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 401 without a token and 403 for a role without access', async () => {
    await request(app.getHttpServer()).get('/v1/cases/CASE-1').expect(401);
    const wrongRole = await signDevToken({ tenant: 'acme', roles: ['security'], secret: env.jwtSecret });
    await request(app.getHttpServer()).get('/v1/cases/CASE-1').auth(wrongRole, { type: 'bearer' }).expect(403);
  });

  it('refuses a NUL in the case id with a 400 naming it, not a 500', async () => {
    const res = await request(app.getHttpServer()).get('/v1/cases/%00').auth(token, { type: 'bearer' }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'params.caseId', message: 'must not contain NUL (U+0000)' }]);
    await request(app.getHttpServer()).get('/v1/cases/CASE%E0%A4').auth(token, { type: 'bearer' }).expect(400);
  });

  it('reports itself ready on /health with its database and broker up', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, broker: { status: 'up' } });
  });
});

import { newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: cases from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let token: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch' });
    token = await svc.token({ tenant: 'acme', roles: ['agent'] });
  });

  afterAll(() => svc?.stop());

  const handled = async () =>
    metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { type: 'case.opened' });

  it('opens a case once when the same event is delivered twice', async () => {
    const opened = newCloudEvent({
      type: 'case.opened',
      source: '/test',
      tenantId: 'acme',
      data: { caseId: 'CASE-1', type: 'network_fault', priority: 'P1', summary: 'No signal in Haidian', region: 'beijing' },
    });
    await publishToBus(svc.env.namespace, [opened, opened]);
    await eventually(async () => expect(await handled()).toBe(2));

    const res = await svc.http().get('/v1/cases/CASE-1').auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toMatchObject({ caseId: 'CASE-1', stage: 'acceptance', priority: 'P1', region: 'beijing' });
    expect(res.body.history).toHaveLength(1);
    expect(res.body.history[0]).toMatchObject({ eventId: opened.id, kind: 'case.opened' });
  });

  it('keeps tenants apart', async () => {
    const other = await svc.token({ tenant: 'globex', roles: ['agent'] });
    const res = await svc.http().get('/v1/cases/CASE-1').auth(other, { type: 'bearer' }).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 401 without a token and 403 for a role without access', async () => {
    await svc.http().get('/v1/cases/CASE-1').expect(401);
    const wrongRole = await svc.token({ tenant: 'acme', roles: ['security'] });
    await svc.http().get('/v1/cases/CASE-1').auth(wrongRole, { type: 'bearer' }).expect(403);
  });

  it('refuses a NUL in the case id with a 400 naming it, not a 500', async () => {
    const res = await svc.http().get('/v1/cases/%00').auth(token, { type: 'bearer' }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'params.caseId', message: 'must not contain NUL (U+0000)' }]);
    await svc.http().get('/v1/cases/CASE%E0%A4').auth(token, { type: 'bearer' }).expect(400);
  });

  it('reports itself ready on /health with its database and broker up', async () => {
    const res = await svc.http().get('/health').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, broker: { status: 'up' } });
  });
});

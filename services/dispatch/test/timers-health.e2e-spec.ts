import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: parked timers in /health (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch' });
  });

  afterAll(() => svc?.stop());

  it('reports its timers, marks the service degraded while one is parked, and healthy once dealt with', async () => {
    expect((await svc.http().get('/health').expect(200)).body).toMatchObject({ status: 'ok', info: { timers: { status: 'up', parked: 0 } } });

    await svc.db.query(
      `INSERT INTO dispatch.timers_parked (tenant_id, kind, key, due_at, payload, attempts, reason)
       VALUES ('acme', 'sla.answer', 'contact-1', now(), '{}', 8, 'handler kept failing')`,
    );
    await eventually(async () => {
      const health = await svc.http().get('/health').expect(200);
      expect(health.body).toMatchObject({ status: 'degraded', info: { timers: { status: 'up', parked: 1, degraded: true } } });
      expect(health.body.info.timers.message).toContain('npx hotline timers list --service');
    });

    await svc.db.query('DELETE FROM dispatch.timers_parked');
    await eventually(async () => expect((await svc.http().get('/health').expect(200)).body.status).toBe('ok'));
  });
});

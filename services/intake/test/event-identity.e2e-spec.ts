import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bootstrapService } from '@hotline/platform';
import { BusTap, eventually, isolatedEnvironment, type IsolatedEnvironment } from '@hotline/testing';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const queued = (id: string, source = '/pbx-a', data: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id,
  source,
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound', ...data },
});

/** An event is identified by its tenant, source and id (CloudEvents): what is a duplicate, and what is not. */
describe('intake: event identity is tenant, source and id (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let env: IsolatedEnvironment;
  let app: NestExpressApplication;
  let db: DataSource;
  let tap: BusTap;
  let key = '';

  const post = (body: unknown) => request(app.getHttpServer()).post('/v1/events').set('Authorization', `Bearer ${key}`).send(body as object);
  const kept = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT source FROM intake.events WHERE event_id = $1 ORDER BY source`, [id])).map((r: { source: string }) => r.source);

  beforeAll(async () => {
    env = await isolatedEnvironment();
    app = await bootstrapService(AppModule, { name: 'intake', defaultPort: 0 });
    db = await new DataSource({ type: 'postgres', url: env.db.url }).initialize();
    key = await insertApiKey(db, 'acme');
    tap = await BusTap.open(env.namespace);
  });

  afterAll(async () => {
    await tap?.close();
    await db?.destroy();
    await app?.close();
    await env?.teardown();
  });

  it('accepts the same id from two sources as two events, stores and publishes both', async () => {
    await post(queued('shared-1', '/pbx-a')).expect(202, { accepted: ['shared-1'], duplicates: [] });
    await post(queued('shared-1', '/pbx-b')).expect(202, { accepted: ['shared-1'], duplicates: [] });
    expect(await kept('shared-1')).toEqual(['/pbx-a', '/pbx-b']);
    await eventually(async () => expect(tap.events.filter((e) => e.id === 'shared-1').map((e) => e.source).sort()).toEqual(['/pbx-a', '/pbx-b']));
  });

  it('accepts the same id from two sources within one batch', async () => {
    await post({ events: [queued('shared-2', '/pbx-a'), queued('shared-2', '/pbx-b'), queued('shared-2', '/pbx-a')] }).expect(202, {
      accepted: ['shared-2', 'shared-2'],
      duplicates: ['shared-2'],
    });
    expect(await kept('shared-2')).toEqual(['/pbx-a', '/pbx-b']);
  });

  it('reports a re-sent source and id as a duplicate and publishes it once', async () => {
    await post(queued('same-1')).expect(202, { accepted: ['same-1'], duplicates: [] });
    await post(queued('same-1')).expect(202, { accepted: [], duplicates: ['same-1'] });
    await eventually(async () => expect(Number((await db.query('SELECT count(*) AS n FROM intake.outbox'))[0].n)).toBe(0));
    expect(tap.ids().filter((id) => id === 'same-1')).toHaveLength(1);
  });
});

import { generateApiKey } from '@hotline/platform';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';
import { queued } from './support/events';

describe('intake: repeated auth failures become access.denied events (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  const denied = () => svc.tap.events.filter((e) => e.type === 'access.denied');

  const ingest = (key: string, id: string) =>
    svc.http().post('/v1/events').set('Authorization', `Bearer ${key}`).send(queued(id));

  async function storeKey(tenant: string, { revoked = false } = {}): Promise<{ key: string; prefix: string }> {
    const key = await insertApiKey(svc.db, tenant, { revoked });
    return { key, prefix: key.split('_', 2).join('_') }; // hlk_<8-char id>_<secret>
  }

  /** Sends a valid event and waits until it is on the bus: whatever was published before it is too. */
  async function marker(key: string, id: string): Promise<void> {
    await ingest(key, id).expect(202);
    await eventually(async () => expect(svc.tap.ids()).toContain(id));
  }

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
  });

  afterAll(() => svc?.stop());

  it('publishes exactly one access.denied, for the platform tenant, when one client tries an unknown key six times', async () => {
    const good = await storeKey('acme');
    const { key: unknownKey, prefix } = generateApiKey(); // well-formed, never stored

    for (let i = 0; i < 4; i++) await ingest(unknownKey, `u-${i}`).expect(401);
    await marker(good.key, 'before-threshold');
    expect(denied()).toEqual([]);

    for (let i = 4; i < 6; i++) await ingest(unknownKey, `u-${i}`).expect(401);
    await eventually(async () => expect(denied()).toHaveLength(1));
    await marker(good.key, 'after-threshold');
    expect(denied()).toHaveLength(1);

    const [event] = denied();
    expect(event).toMatchObject({ specversion: '1.0', source: '/hotline/intake', tenantid: '_platform', dataversion: '1' });
    expect(event.data).toEqual({
      reason: 'unknown_key',
      keyPrefix: prefix,
      remoteAddress: expect.stringContaining('127.0.0.1'),
      route: 'POST /v1/events',
      attempts: expect.any(Number),
    });
    expect((event.data as { attempts: number }).attempts).toBeGreaterThanOrEqual(5);
    expect(Number((await svc.db.query(`SELECT count(*) AS n FROM intake.events WHERE event_id LIKE 'u-%'`))[0].n)).toBe(0);
  });

  it("attributes the failures of a known key to that key's tenant", async () => {
    const good = await storeKey('acme');
    const revoked = await storeKey('globex', { revoked: true });
    for (let i = 0; i < 5; i++) await ingest(revoked.key, `r-${i}`).expect(403);
    await eventually(async () => expect(denied().filter((e) => e.tenantid === 'globex')).toHaveLength(1));
    await marker(good.key, 'after-revoked');

    const [event] = denied().filter((e) => e.tenantid === 'globex');
    expect(event.data).toMatchObject({ reason: 'revoked_key', keyPrefix: revoked.prefix, attempts: 5 });
    expect(denied()).toHaveLength(2);
  });

  it('counts requests without credentials too', async () => {
    for (let i = 0; i < 5; i++) {
      await svc.http().post('/v1/events').send(queued(`m-${i}`)).expect(401);
    }
    await eventually(async () => expect(denied().map((e) => (e.data as { reason: string }).reason)).toContain('missing_key'));
    const missing = denied().find((e) => (e.data as { reason: string }).reason === 'missing_key');
    expect(missing?.tenantid).toBe('_platform');
    expect(missing?.data).toEqual(expect.not.objectContaining({ keyPrefix: expect.anything() }));
    expect(missing?.data).toMatchObject({ route: 'POST /v1/events', attempts: 5 });
    expect(denied()).toHaveLength(3);
  });
});

import request from 'supertest';
import { queueName, retryQueueName, SUBSCRIPTIONS, withNamespace } from '@hotline/contracts';
import { DEFAULT_RETRY_DELAYS_MS } from '@hotline/messaging';
import { type Role, signDevToken } from '@hotline/platform';
import { isolatedEnvironment, type IsolatedEnvironment } from '@hotline/testing';
import { ServiceProcess } from './service-process';

/** Built services as processes on one isolated database and exchange, and a tenant's intake API key. */
export interface Stack {
  env: IsolatedEnvironment;
  services: Record<string, ServiceProcess>;
  apiKey: string;
  /** A dev JWT for `tenant` with `roles`, signed with this stack's secret. */
  token(tenant: string, roles: Role[], subject?: string): Promise<string>;
  /** Posts events to intake's `POST /v1/events` with the tenant's API key, expecting 202. */
  ingest(events: object[]): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Starts `names` (intake first, as in the other full-stack specs) with `extraEnv`, waits until each
 * answers /health, and gets `tenant` an API key from intake's admin API.
 */
export async function startStack(names: string[], { tenant = 'acme', extraEnv = {} }: { tenant?: string; extraEnv?: Record<string, string> } = {}): Promise<Stack> {
  const env = await isolatedEnvironment();
  // Read once isolatedEnvironment() has pointed process.env at this test's database and namespace.
  const processEnv = { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'test', ...extraEnv };
  const services: Record<string, ServiceProcess> = {};
  for (const name of names) services[name] = await ServiceProcess.start(name, processEnv);
  await Promise.all(Object.values(services).map((s) => s.waitUntilReady()));
  const token = (t: string, roles: Role[], subject?: string) => signDevToken({ tenant: t, roles, secret: env.jwtSecret, ...(subject ? { subject } : {}) });
  const created = await request(services[names[0]].url)
    .post(`/v1/admin/tenants/${tenant}/api-keys`)
    .auth(await token('*', ['admin']), { type: 'bearer' })
    .send({ name: 'e2e' });
  if (created.status !== 201) throw new Error(`no API key for ${tenant}: ${created.status} ${created.text}`);
  const apiKey: string = created.body.key;
  return {
    env,
    services,
    apiKey,
    token,
    ingest: (events) => request(services[names[0]].url).post('/v1/events').set('Authorization', `Bearer ${apiKey}`).send({ events }).expect(202),
    async stop() {
      await Promise.all(Object.values(services).map((s) => s.stop()));
      // The retry queues of every consumer queue a publisher declared (teardown knows the rest).
      const retries = SUBSCRIPTIONS.flatMap(({ service, purpose }) => DEFAULT_RETRY_DELAYS_MS.map((ms) => retryQueueName(withNamespace(queueName(service, purpose), env.namespace), ms)));
      await env.teardown(retries);
    },
  };
}

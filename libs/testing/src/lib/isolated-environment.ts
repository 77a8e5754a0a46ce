import { deadLetterQueueName, EVENTS_EXCHANGE, queueName, SUBSCRIPTIONS, withNamespace } from '@hotline/contracts';
import { createTestDatabase, type TestDatabase } from './test-database';
import { deleteBrokerObjects, testNamespace } from './test-broker';

export interface IsolatedEnvironment {
  db: TestDatabase;
  namespace: string;
  jwtSecret: string;
  /**
   * Drops the database and deletes the namespace's broker objects: every subscribed queue (any
   * publisher declares them) and its dead letters, plus the delay queues a consumer declared.
   */
  teardown(declaredQueues?: readonly string[]): Promise<void>;
}

/**
 * Points a service started in this test process at its own database and its own exchange and
 * queue names (through the env vars the platform reads), on an ephemeral HTTP port.
 */
export async function isolatedEnvironment(): Promise<IsolatedEnvironment> {
  const db = await createTestDatabase();
  const namespace = testNamespace();
  const jwtSecret = `test-secret-${namespace}`;
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    HOTLINE_NAMESPACE: namespace,
    PORT: '0',
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    NODE_ENV: 'test',
  });
  return {
    db,
    namespace,
    jwtSecret,
    async teardown(declaredQueues = []) {
      const subscribed = SUBSCRIPTIONS.map(({ service, purpose }) => withNamespace(queueName(service, purpose), namespace));
      const queues = new Set([...subscribed, ...subscribed.map(deadLetterQueueName), ...declaredQueues]);
      await deleteBrokerObjects([...queues], [withNamespace(EVENTS_EXCHANGE, namespace)]);
      await db.drop();
    },
  };
}

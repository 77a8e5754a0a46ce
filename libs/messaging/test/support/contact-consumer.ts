import type { INestMicroservice, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { newCloudEvent, type Subscription } from '@hotline/contracts';
import { createTestDatabase, deleteBrokerObjects, TEST_AMQP_URL, type TestDatabase } from '@hotline/testing';
import { AmqpServer, EventHandlerErrorFilter, Inbox, messagingTablesV1Sql, messagingTablesV2Sql, MessagingNames, Outbox } from '../../src';

/** A contact event of the kind the probes handle; abandons carry a correlation id to follow. */
export const contact = (contactId: string, type: 'contact.queued' | 'contact.abandoned' = 'contact.queued') =>
  type === 'contact.queued'
    ? newCloudEvent({ type, source: '/test', tenantId: 'acme', data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } })
    : newCloudEvent({ type, source: '/test', tenantId: 'acme', correlationId: `corr-${contactId}`, data: { contactId, queue: 'billing' } });

export interface ContactConsumer {
  dataSource: DataSource;
  server: AmqpServer;
  /** The effects the probe wrote: each event id with the transaction that wrote it. */
  effects(): Promise<{ event_id: string; txid: string }[]>;
  stop(): Promise<void>;
}

/**
 * quality's `kpis` queue consumed by `probe` through the real transport, on a database of its own
 * with the messaging tables and an `effects` table in `schema`, as a service's consumer runs.
 */
export async function startContactConsumer(
  probe: Type | Type[],
  schema: string,
  namespace: string,
  subscriptions?: readonly Subscription[],
): Promise<ContactConsumer> {
  const db: TestDatabase = await createTestDatabase();
  const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  await dataSource.query(`CREATE SCHEMA ${schema}`);
  for (const sql of [...messagingTablesV1Sql(schema), ...messagingTablesV2Sql(schema)]) await dataSource.query(sql);
  await dataSource.query(`CREATE TABLE ${schema}.effects (event_id text NOT NULL, txid bigint NOT NULL)`);
  const server = new AmqpServer({
    url: TEST_AMQP_URL,
    service: 'quality',
    namespace,
    defaultPurpose: 'kpis',
    retryDelaysMs: [50, 100],
    transactions: { inbox: new Inbox(dataSource, schema), outbox: new Outbox(schema) },
    subscriptions,
  });
  const moduleRef = await Test.createTestingModule({ controllers: [probe].flat() }).compile();
  const app: INestMicroservice = moduleRef.createNestMicroservice({ strategy: server });
  app.useGlobalFilters(new EventHandlerErrorFilter());
  await app.listen();
  await server.whenReady();
  return {
    dataSource,
    server,
    effects: () => dataSource.query(`SELECT event_id, txid::text FROM ${schema}.effects`),
    async stop() {
      await app.close();
      await dataSource.destroy();
      await db.drop();
      await deleteBrokerObjects(server.declaredQueues(), [new MessagingNames(namespace).exchange]);
    },
  };
}

import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@hotline/contracts';
import type { AmqpServer } from '@hotline/messaging';
import { amqpConsumer, bootstrapService, type DevTokenOptions, signDevToken } from '@hotline/platform';
import { BusTap, isolatedEnvironment, type IsolatedEnvironment } from '@hotline/testing';

export interface StartServiceOptions {
  name: string;
  /** Runs the service's AMQP consumer (its typed handlers) and waits until its queues are consumed. */
  consumer?: ServiceName;
  /** Opens a BusTap on the namespace: `svc.tap` sees everything the service publishes. */
  tap?: boolean;
  /**
   * More env vars for the service (INTAKE_PUBLIC_URL, a DATABASE_URL through a TcpProxy), set after
   * the isolated environment's and put back by `stop()`; a function gets that environment first.
   */
  env?: Record<string, string> | ((env: IsolatedEnvironment) => Record<string, string> | Promise<Record<string, string>>);
}

export interface StartedService {
  app: NestExpressApplication;
  /** Its own database and broker namespace. */
  env: IsolatedEnvironment;
  /** A connection of the test's own to the service's database (not through any proxy). */
  db: DataSource;
  /** The HTTP port it listens on. */
  port: number;
  /** Present with `consumer`. */
  consumer?: AmqpServer;
  /** The BusTap opened with `tap: true`. */
  readonly tap: BusTap;
  /** A supertest agent for the running app. */
  http(): ReturnType<typeof request>;
  /** A dev JWT the service accepts. */
  token(options: Omit<DevTokenOptions, 'secret'>): Promise<string>;
  /** Closes the tap, the connection and the app, then drops the database and the broker objects. */
  stop(): Promise<void>;
}

/**
 * Starts a service in this test process, as its main.ts does, on its own database and broker
 * namespace and an ephemeral port: `const svc = await startService(AppModule, { name: 'intake' })`
 * in beforeAll, `afterAll(() => svc?.stop())`. What was started is stopped again if a step fails.
 */
export async function startService(appModule: Type<unknown>, options: StartServiceOptions): Promise<StartedService> {
  const env = await isolatedEnvironment();
  const saved: Record<string, string | undefined> = {};
  let app: NestExpressApplication | undefined;
  let db: DataSource | undefined;
  let tap: BusTap | undefined;
  let consumer: AmqpServer | undefined;

  const stop = async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await tap?.close();
    await db?.destroy();
    await app?.close();
    await env.teardown(consumer?.declaredQueues());
  };

  try {
    const extra = typeof options.env === 'function' ? await options.env(env) : (options.env ?? {});
    for (const [name, value] of Object.entries(extra)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    const service = options.consumer;
    app = await bootstrapService(appModule, {
      name: options.name,
      defaultPort: 0,
      microservice: service ? (config, nest) => (consumer = amqpConsumer(service)(config, nest)) : undefined,
    });
    await consumer?.whenReady();
    db = await new DataSource({ type: 'postgres', url: env.db.url }).initialize();
    if (options.tap) tap = await BusTap.open(env.namespace);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const running = app;
  return {
    app: running,
    env,
    db,
    port: (running.getHttpServer().address() as { port: number }).port,
    consumer,
    get tap(): BusTap {
      if (!tap) throw new Error(`startService(…, { name: '${options.name}' }) was not asked for a tap: pass tap: true`);
      return tap;
    },
    http: () => request(running.getHttpServer()),
    token: (token) => signDevToken({ ...token, secret: env.jwtSecret }),
    stop,
  };
}

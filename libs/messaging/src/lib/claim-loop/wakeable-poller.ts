import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** What one pass over a PostgreSQL work table did. */
export interface PassResult {
  /** Rows settled (published, fired, …); `drain()` adds them up. */
  done: number;
  /** Go round again at once: the pass took a full batch, so more may be waiting. */
  more: boolean;
}

export interface WakeablePollerOptions {
  /** Names the loop in its log lines ("outbox relay", "durable timers"). */
  name: string;
  /** LISTEN/NOTIFY channel whose notifications wake the loop. */
  channel: string;
  /** Polling fallback: NOTIFY is only a hint, lost while no one listens (e.g. during a reconnect). */
  pollIntervalMs: number;
  /** Claims one batch (FOR UPDATE SKIP LOCKED, so replicas share the work) and settles it. */
  pass(): Promise<PassResult>;
  /** Runs once the work is drained (or paused), before the loop rests; errors are the caller's. */
  afterDrain?(): Promise<void>;
  /** A notification arrived; the default wakes the loop. Payloads let a caller decide for itself. */
  onNotification?(payload: string | undefined): void;
  /** Runs at start before the first pass, then on every poll tick (e.g. to refresh gauges). */
  onTick?(): Promise<void>;
  /** The log line's context; defaults to the class name. */
  logContext?: string;
}

/**
 * The loop shared by the outbox relay and durable timers: a single-flight drain that passes over
 * a work table until it is empty, woken at once by LISTEN/NOTIFY and, since notifications are lost
 * while no one listens, by a poll every `pollIntervalMs` as well. A wake-up that arrives during a
 * drain sends it round once more, so no committed row waits for the next poll.
 */
export class WakeablePoller {
  private readonly logger: Logger;
  private listener?: Client;
  private ticker?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private running = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WakeablePollerOptions,
  ) {
    this.logger = new Logger(options.logContext ?? WakeablePoller.name);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Idempotent: a hybrid Nest app runs bootstrap hooks again when its microservice starts. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    await this.listen();
    await this.tick();
    this.ticker = setInterval(() => {
      this.wake();
      // On the clock, not after every drain: under load drains run back to back.
      void this.tick();
    }, this.options.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearInterval(this.ticker);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .then(() => undefined)
      .finally(() => (this.draining = undefined));
  }

  /** Passes until the table is drained; resolves with how many rows were settled. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      do {
        this.wakeAgain = false;
        let pass: PassResult;
        do {
          pass = await this.options.pass();
          total += pass.done;
          // A short batch means the table is drained, or another replica holds the rest and will
          // settle it; a notification that arrived meanwhile sends the loop round again.
        } while (pass.more && !this.stopping);
        await this.options.afterDrain?.();
      } while (this.wakeAgain && !this.stopping);
    } catch (error) {
      this.logger.warn(`${this.options.name} paused, will retry: ${(error as Error).message}`);
    }
    return total;
  }

  private async tick(): Promise<void> {
    await this.options.onTick?.().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: url });
    client.on('notification', (message) =>
      this.options.onNotification ? this.options.onNotification(message.payload) : this.wake(),
    );
    client.on('error', (error) => {
      this.logger.warn(`${this.options.name} listener lost (${error.message}); polling until it is back`);
      this.listener = undefined;
      setTimeout(() => this.reconnectListener(), this.options.pollIntervalMs).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`${this.options.name} cannot LISTEN for notifications (${(error as Error).message}); polling`);
      await client.end().catch(() => undefined);
      setTimeout(() => this.reconnectListener(), this.options.pollIntervalMs * 5).unref();
    }
  }

  private reconnectListener(): void {
    if (this.running && !this.listener) void this.listen();
  }
}

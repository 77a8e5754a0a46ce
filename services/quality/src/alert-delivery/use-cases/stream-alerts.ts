import { Injectable } from '@nestjs/common';
import { AlertDeliveryConfig } from '../alert-delivery-config';
import { AlertNotificationsRepository } from '../alert-notifications.repository';
import { AlertStreamFeed } from '../alert-stream-feed';
import { type AlertNotification, notificationPayload } from '../domain/alert-notification';
import { sseComment, sseFrame, sseRetry } from '../domain/sse-frame';

/** Where a stream's text goes (an HTTP response), and how it is ended. */
export interface StreamSink {
  write(text: string): void;
  end(): void;
}

const REPLAY_PAGE = 500;
/** How soon a client should come back after the stream ends. */
const RECONNECT_MS = 2_000;

/**
 * One client's alert stream: after `Last-Event-ID`, first what the tenant missed (from the log),
 * then live, each notification once and in id order. The live tail is subscribed before the
 * replay is read, and what it brings meanwhile waits, so nothing logged in between is lost.
 * Heartbeat comments keep proxies from closing it; it ends after the configured lifetime.
 */
@Injectable()
export class StreamAlerts {
  constructor(
    private readonly notifications: AlertNotificationsRepository,
    private readonly feed: AlertStreamFeed,
    private readonly config: AlertDeliveryConfig,
  ) {}

  /**
   * Starts the stream: `close` is for when the client goes away (at any time, the replay too),
   * `replayed` settles once the missed notifications are written (it rejects, closed, if the log
   * cannot be read).
   */
  open(tenantId: string, lastEventId: number | undefined, sink: StreamSink): { close: () => void; replayed: Promise<void> } {
    let lastSent = lastEventId ?? 0;
    let replaying = lastEventId !== undefined;
    let closed = false;
    const held: AlertNotification[] = [];
    const send = (rows: readonly AlertNotification[]) => {
      for (const row of rows) {
        if (closed || row.id <= lastSent) continue;
        sink.write(sseFrame({ id: String(row.id), event: row.type, data: notificationPayload(row) }));
        lastSent = row.id;
      }
    };

    const unsubscribe = this.feed.subscribe(tenantId, (rows) => (replaying ? held.push(...rows) : send(rows)));
    const heartbeat = setInterval(() => sink.write(sseComment('heartbeat')), this.config.heartbeatMs);
    const lifetime = setTimeout(() => {
      close();
      sink.end();
    }, this.config.streamMaxMs);
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(lifetime);
    };

    sink.write(sseRetry(RECONNECT_MS));
    const replay = async () => {
      try {
        while (replaying && !closed) {
          const page = await this.notifications.tenantAfter(tenantId, lastSent, REPLAY_PAGE);
          send(page);
          if (page.length < REPLAY_PAGE) replaying = false;
        }
        replaying = false;
        send(held.splice(0).sort((a, b) => a.id - b.id));
      } catch (error) {
        close();
        throw error;
      }
    };
    return { close, replayed: replay() };
  }
}

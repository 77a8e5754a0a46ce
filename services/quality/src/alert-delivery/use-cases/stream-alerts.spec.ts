import { AlertDeliveryConfig } from '../alert-delivery-config';
import type { AlertNotificationsRepository } from '../alert-notifications.repository';
import type { AlertStreamFeed, NotificationListener } from '../alert-stream-feed';
import type { AlertNotification } from '../domain/alert-notification';
import { StreamAlerts } from './stream-alerts';

const note = (id: number, tenantId = 'acme'): AlertNotification => ({
  id,
  tenantId,
  type: 'alert.raised',
  alertId: `A${id}`,
  occurredAt: new Date('2026-11-30T08:00:00Z'),
  data: { alertId: `A${id}` },
});

/** The log and the live tail in memory: the tail's deliveries are in the test's hands. */
function fakes(log: AlertNotification[]) {
  const listeners = new Set<NotificationListener>();
  let duringReplay: (() => void) | undefined;
  const repository = {
    tenantAfter: async (tenantId: string, afterId: number, limit: number) => {
      duringReplay?.();
      return log.filter((n) => n.tenantId === tenantId && n.id > afterId).slice(0, limit);
    },
  } as unknown as AlertNotificationsRepository;
  const feed = {
    subscribe: (_tenant: string, listener: NotificationListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as AlertStreamFeed;
  return { repository, feed, listeners, live: (rows: AlertNotification[]) => listeners.forEach((l) => l(rows)), onReplay: (f: () => void) => (duringReplay = f) };
}

describe('StreamAlerts', () => {
  const config = new AlertDeliveryConfig({ QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS: '3600' });
  const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

  it('replays after Last-Event-ID, holds what goes live meanwhile, and sends each id once in order', async () => {
    const f = fakes([note(1), note(2), note(3)]);
    let out = '';
    // While the replay reads the log, the tail brings 3 (read by the replay too) and 4 (not yet).
    f.onReplay(() => f.live([note(3), note(4)]));
    const stream = new StreamAlerts(f.repository, f.feed, config).open('acme', 1, { write: (t) => (out += t), end: () => undefined });
    await stream.replayed;
    f.live([note(4), note(5)]);
    expect(out.startsWith('retry: 2000\n\n')).toBe(true);
    expect(ids(out)).toEqual([2, 3, 4, 5]);
    stream.close();
    expect(f.listeners.size).toBe(0);
  });

  it('without Last-Event-ID, sends only what comes live', async () => {
    const f = fakes([note(1), note(2)]);
    let out = '';
    const stream = new StreamAlerts(f.repository, f.feed, config).open('acme', undefined, { write: (t) => (out += t), end: () => undefined });
    await stream.replayed;
    f.live([note(3)]);
    expect(ids(out)).toEqual([3]);
    stream.close();
  });

  it('writes nothing once closed, and ends itself after its lifetime', async () => {
    jest.useFakeTimers();
    try {
      const f = fakes([]);
      let out = '';
      let ended = false;
      const short = new AlertDeliveryConfig({ QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS: '1', QUALITY_ALERT_STREAM_MAX_SECONDS: '3.5' });
      const stream = new StreamAlerts(f.repository, f.feed, short).open('acme', undefined, { write: (t) => (out += t), end: () => (ended = true) });
      await stream.replayed;
      jest.advanceTimersByTime(3_500);
      expect(out.match(/^: heartbeat$/gm)).toHaveLength(3);
      expect(ended).toBe(true);
      expect(f.listeners.size).toBe(0);
      f.live([note(9)]);
      expect(ids(out)).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});

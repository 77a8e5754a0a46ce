import { register } from 'prom-client';
import { QUEUE_DEPTH_TIMEOUT_MS, watchQueueDepth } from './queue-depth';

const series = (body: string, queue: string) => body.split('\n').filter((line) => line.includes(`queue="${queue}"`));

describe('queue depth metrics', () => {
  it('reads every watched queue on scrape, once for both gauges, until unwatched', async () => {
    let reads = 0;
    const unwatch = watchQueueDepth(async () => {
      reads += 1;
      return [{ queue: 'svc.kpis', ready: 7, consumers: 2 }];
    });
    const body = await register.metrics();
    expect(series(body, 'svc.kpis')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^hotline_queue_messages_ready\{.*\} 7$/), expect.stringMatching(/^hotline_queue_consumers\{.*\} 2$/)]),
    );
    expect(reads).toBe(1);
    unwatch();
    expect(series(await register.metrics(), 'svc.kpis')).toEqual([]);
  });

  it('never holds a scrape past its timeout, and leaves out the queues it could not read', async () => {
    const unwatchHung = watchQueueDepth(() => new Promise(() => undefined)); // a broker that never answers
    const unwatchFailed = watchQueueDepth(async () => {
      throw new Error('Not connected.');
    });
    const unwatchOk = watchQueueDepth(async () => [{ queue: 'svc.ok', ready: 0, consumers: 1 }]);
    const startedAt = Date.now();
    const body = await register.metrics();
    expect(Date.now() - startedAt).toBeLessThan(QUEUE_DEPTH_TIMEOUT_MS + 250);
    expect(series(body, 'svc.ok')).toHaveLength(2);
    expect(body.match(/^hotline_queue_messages_ready\{/gm)).toHaveLength(1);
    for (const unwatch of [unwatchHung, unwatchFailed, unwatchOk]) unwatch();
  });
});

import { deadLetterQueueName, EVENTS_EXCHANGE, queueName, retryQueueName, routingKeyFor, withNamespace } from './names';

describe('names', () => {
  it('has one events exchange', () => {
    expect(EVENTS_EXCHANGE).toBe('hotline.events');
  });

  it('names queues <service>.<purpose>', () => {
    expect(queueName('quality', 'kpis')).toBe('quality.kpis');
    expect(queueName('dispatch', 'sla-timers')).toBe('dispatch.sla-timers');
  });

  it.each([['Kpis'], ['kpis.x'], [''], ['with space']])('refuses purpose %j', (purpose) => {
    expect(() => queueName('quality', purpose)).toThrow(RangeError);
  });

  it('refuses a service that does not exist', () => {
    expect(() => queueName('billing' as never, 'kpis')).toThrow(/Unknown service/);
  });

  it('names dead-letter queues <queue>.dead', () => {
    expect(deadLetterQueueName('quality.kpis')).toBe('quality.kpis.dead');
  });

  it.each([
    [10_000, 'quality.kpis.retry.10s'],
    [1_000, 'quality.kpis.retry.1s'],
    [60_000, 'quality.kpis.retry.1m'],
    [90_000, 'quality.kpis.retry.90s'],
    [7_200_000, 'quality.kpis.retry.2h'],
    [1_500, 'quality.kpis.retry.1500ms'],
  ])('names a %pms retry queue %s', (delay, name) => {
    expect(retryQueueName('quality.kpis', delay)).toBe(name);
  });

  it.each([[0], [-5], [1.5], [Number.NaN]])('refuses retry delay %p', (delay) => {
    expect(() => retryQueueName('quality.kpis', delay)).toThrow(RangeError);
  });

  it('routes an event by its type', () => {
    expect(routingKeyFor('sla.breached')).toBe('sla.breached');
  });

  it('prefixes names with a namespace only when one is given', () => {
    expect(withNamespace('quality.kpis', 'run-42')).toBe('run-42.quality.kpis');
    expect(withNamespace(EVENTS_EXCHANGE, 'run_42')).toBe('run_42.hotline.events');
    expect(withNamespace('quality.kpis')).toBe('quality.kpis');
    expect(withNamespace('quality.kpis', '')).toBe('quality.kpis');
  });

  it('refuses a namespace that would break the naming scheme', () => {
    expect(() => withNamespace('quality.kpis', 'a.b')).toThrow(RangeError);
    expect(() => withNamespace('quality.kpis', 'a b')).toThrow(RangeError);
  });
});

import { metricValue } from './prometheus-text';

const body = `# HELP hotline_events_consumed_total Deliveries handled
# TYPE hotline_events_consumed_total counter
hotline_events_consumed_total{queue="q.cases",type="case.opened",outcome="handled"} 3
hotline_events_consumed_total{queue="q.audit",type="case.opened",outcome="handled"} 2
process_cpu_seconds_total 1.5
`;

describe('metricValue', () => {
  it('sums the series whose labels match', () => {
    expect(metricValue(body, 'hotline_events_consumed_total')).toBe(5);
    expect(metricValue(body, 'hotline_events_consumed_total', { queue: 'q.cases' })).toBe(3);
    expect(metricValue(body, 'process_cpu_seconds_total')).toBe(1.5);
  });
  it('is 0 for a metric or label that is absent', () => {
    expect(metricValue(body, 'nope_total')).toBe(0);
    expect(metricValue(body, 'hotline_events_consumed_total', { queue: 'other' })).toBe(0);
  });
});

import { toFiredTimer } from './claimed-timer';

const row = { tenant_id: 'acme', kind: 'sla.answer', key: 'c-1', due_at: '2026-11-29T12:00:00.000Z', payload: { queue: 'billing' }, attempts: 0 };

describe('toFiredTimer', () => {
  it('is on time up to the threshold and late past it, with how late', () => {
    expect(toFiredTimer({ ...row, late_ms: 4_999.6 }, 5_000)).toMatchObject({ lateByMs: 5_000, late: false });
    expect(toFiredTimer({ ...row, late_ms: 5_001 }, 5_000)).toMatchObject({ lateByMs: 5_001, late: true });
  });

  it('gives the handler the timer as set, counting tries from 1', () => {
    expect(toFiredTimer({ ...row, attempts: 2, late_ms: 12 }, 5_000)).toEqual({
      tenantId: 'acme',
      kind: 'sla.answer',
      key: 'c-1',
      dueAt: new Date('2026-11-29T12:00:00.000Z'),
      payload: { queue: 'billing' },
      attempt: 3,
      lateByMs: 12,
      late: false,
    });
  });

  it('reads a timer claimed a hair before its due time (clock rounding) as on time', () => {
    expect(toFiredTimer({ ...row, late_ms: -0.4, payload: null }, 0)).toMatchObject({ lateByMs: 0, late: false, payload: {} });
  });
});

import { dueIn, ManualClock } from './clock';

describe('clocks', () => {
  it('computes a due time from an injected clock that a test moves, no sleeping', () => {
    const clock = new ManualClock('2026-11-29T12:00:00Z');
    expect(dueIn(clock, 30_000)).toEqual(new Date('2026-11-29T12:00:30Z'));
    clock.advance(60_000);
    expect(dueIn(clock, 30_000)).toEqual(new Date('2026-11-29T12:01:30Z'));
    clock.set('2026-12-01T00:00:00Z');
    expect(clock.now()).toEqual(new Date('2026-12-01T00:00:00Z'));
  });
});

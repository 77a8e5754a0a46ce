import { contributions, emptyOutcome, mergeOutcome, type OutcomeFact } from './queue-outcome';

const rules = { answerTargetMs: 30_000, shortAbandonMs: 5_000 };
const t = (s: number) => Date.parse('2026-11-30T09:00:00Z') + s * 1000;
const fold = (facts: OutcomeFact[]) => facts.reduce(mergeOutcome, emptyOutcome());

describe('queue outcomes', () => {
  const queued: OutcomeFact = { kind: 'queued', at: t(0), queue: 'billing', region: 'north' };
  const answered: OutcomeFact = { kind: 'answered', at: t(20) };

  it('is order-free and idempotent', () => {
    expect(fold([answered, queued, answered])).toEqual(fold([queued, answered]));
  });

  it('counts an arrival, and an answer within target as offered in target', () => {
    const out = contributions(fold([queued, answered]), rules);
    expect(out).toEqual([{ minute: t(0), queue: 'billing', region: 'north', counters: { queued: 1, offered: 1, inTarget: 1, abandoned: 0 } }]);
  });

  it('waits for the queued event when an answer carries no wait, or an outcome names no queue', () => {
    expect(contributions(fold([answered]), rules)).toEqual([]);
    expect(contributions(fold([{ kind: 'abandoned', at: t(50) }]), rules)).toEqual([]);
    expect(contributions(fold([{ kind: 'abandoned', at: t(50), queue: 'faults' }]), rules)[0].counters).toEqual({ queued: 0, offered: 1, inTarget: 0, abandoned: 1 });
  });

  it('takes the platform wait when given', () => {
    const out = contributions(fold([{ kind: 'answered', at: t(90), queue: 'faults', waitMs: 45_000 }]), rules);
    expect(out[0].counters).toEqual({ queued: 0, offered: 1, inTarget: 0, abandoned: 0 });
  });

  it('leaves short abandons out, counts long ones, and an answer corrects an abandon', () => {
    expect(contributions(fold([queued, { kind: 'abandoned', at: t(3) }]), rules)).toEqual([expect.objectContaining({ counters: { queued: 1, offered: 0, inTarget: 0, abandoned: 0 } })]);
    const abandoned = contributions(fold([queued, { kind: 'abandoned', at: t(50) }]), rules);
    expect(abandoned[0].counters).toEqual({ queued: 1, offered: 1, inTarget: 0, abandoned: 1 });
    const corrected = contributions(fold([queued, { kind: 'abandoned', at: t(50) }, answered]), rules);
    expect(corrected[0].counters).toEqual({ queued: 1, offered: 1, inTarget: 1, abandoned: 0 });
  });
});

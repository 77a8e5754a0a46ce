import { CASE_STAGES } from './case-stage';
import { transitionSignals } from './transition-signals';

describe('what a move tells the SLA clocks', () => {
  it('names the stage reached, for every stage of the manual', () => {
    const manual = CASE_STAGES.filter((to) => to !== 'reopened' && to !== 'cancelled');
    for (const to of manual) expect(transitionSignals({ to, resolves: false })).toEqual([`stage:${to}`]);
  });

  it('adds the resolution after the stage; a reopening and a cancellation are their own signal', () => {
    expect(transitionSignals({ to: 'follow_up', resolves: true })).toEqual(['stage:follow_up', 'resolved']);
    expect(transitionSignals({ to: 'reopened', resolves: false })).toEqual(['reopened']);
    expect(transitionSignals({ to: 'cancelled', resolves: false })).toEqual(['cancelled']);
  });
});

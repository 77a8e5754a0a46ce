import { CASE_STAGES, canMove, isResolution } from '../../cases/domain/case-stage';
import { isOutageSeverity, movesToResolution, OPEN_STAGES, parentCaseOf } from './outage';

describe('outages', () => {
  it('resolves every open stage through legal moves ending in the resolution, and leaves settled cases alone', () => {
    for (const stage of CASE_STAGES) {
      const moves = movesToResolution(stage);
      expect(moves.length > 0).toBe(OPEN_STAGES.includes(stage));
      let from = stage;
      for (const to of moves) {
        expect(canMove(from, to)).toBe(true);
        from = to;
      }
      if (moves.length > 0) expect(isResolution(moves.at(-2) ?? stage, 'follow_up')).toBe(true);
    }
  });

  it('declares only for major and critical faults, grading the parent case by severity', () => {
    expect(['minor', 'major', 'critical'].map(isOutageSeverity)).toEqual([false, true, true]);
    const declaredAt = new Date('2026-03-01T08:00:00Z');
    expect(parentCaseOf({ tenantId: 'acme', outageId: 'outage:1', region: 'haidian', severity: 'critical', kind: 'network', description: 'Ring cut', declaredAt })).toEqual({
      tenantId: 'acme',
      caseId: 'outage:1',
      type: 'network_fault',
      priority: 'P1',
      summary: 'Ring cut',
      category: 'outage',
      region: 'haidian',
      customerId: null,
      contactId: null,
      openedAt: declaredAt,
    });
  });
});

import { allowedFrom, CASE_STAGES, CASE_TRANSITIONS, type CaseStage, canMove, initialStage, isResolution } from './case-stage';

describe('case stages', () => {
  const legal: [CaseStage, CaseStage][] = [
    ['consultation', 'acceptance'],
    ['consultation', 'closed'],
    ['consultation', 'cancelled'],
    ['acceptance', 'handling'],
    ['acceptance', 'cancelled'],
    ['handling', 'follow_up'],
    ['handling', 'cancelled'],
    ['follow_up', 'evaluation'],
    ['follow_up', 'reopened'],
    ['follow_up', 'cancelled'],
    ['evaluation', 'closed'],
    ['evaluation', 'reopened'],
    ['evaluation', 'cancelled'],
    ['closed', 'reopened'],
    ['reopened', 'handling'],
    ['reopened', 'cancelled'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => expect(canMove(from, to)).toBe(true));

  it('allows nothing else: the table holds exactly the legal moves', () => {
    const all = CASE_STAGES.flatMap((from) => CASE_STAGES.map((to): [CaseStage, CaseStage] => [from, to]));
    const allowed = all.filter(([from, to]) => canMove(from, to));
    expect(allowed.sort()).toEqual([...legal].sort());
  });

  it.each<[CaseStage, CaseStage]>([
    ['acceptance', 'follow_up'], // skips handling
    ['handling', 'closed'], // closes without the return call and the evaluation
    ['follow_up', 'handling'], // back without reopening
    ['closed', 'handling'],
    ['closed', 'cancelled'],
    ['cancelled', 'reopened'],
    ['reopened', 'follow_up'],
    ['handling', 'handling'],
  ])('refuses %s → %s', (from, to) => expect(canMove(from, to)).toBe(false));

  it('names the allowed stages from each stage, and none from cancelled', () => {
    expect(allowedFrom('handling')).toEqual(['follow_up', 'cancelled']);
    expect(allowedFrom('cancelled')).toEqual([]);
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_STAGES].sort());
  });

  it('lets every open stage be cancelled, and no final one', () => {
    for (const stage of CASE_STAGES) expect(canMove(stage, 'cancelled')).toBe(stage !== 'closed' && stage !== 'cancelled');
  });

  it('calls handling → follow_up the resolution, and nothing else', () => {
    expect(isResolution('handling', 'follow_up')).toBe(true);
    expect(isResolution('reopened', 'handling')).toBe(false);
    expect(isResolution('follow_up', 'evaluation')).toBe(false);
  });

  it('starts reported cases at acceptance and enquiries at consultation', () => {
    expect(initialStage('network_fault')).toBe('acceptance');
    expect(initialStage('complaint')).toBe('acceptance');
    expect(initialStage('consultation')).toBe('consultation');
  });
});

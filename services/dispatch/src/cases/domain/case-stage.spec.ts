import { canMove, initialStage } from './case-stage';

describe('case stages', () => {
  it('moves forward one stage at a time', () => {
    expect(canMove('acceptance', 'handling')).toBe(true);
    expect(canMove('handling', 'follow_up')).toBe(true);
    expect(canMove('acceptance', 'follow_up')).toBe(false);
  });
  it('never moves back', () => {
    expect(canMove('follow_up', 'handling')).toBe(false);
  });
  it('closes from any open stage, once', () => {
    expect(canMove('consultation', 'closed')).toBe(true);
    expect(canMove('evaluation', 'closed')).toBe(true);
    expect(canMove('closed', 'closed')).toBe(false);
  });
  it('starts reported cases at acceptance and enquiries at consultation', () => {
    expect(initialStage('network_fault')).toBe('acceptance');
    expect(initialStage('consultation')).toBe('consultation');
  });
});

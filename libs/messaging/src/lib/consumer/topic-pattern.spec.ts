import { matchesTopic, selectPatterns } from './topic-pattern';

describe('matchesTopic', () => {
  it.each([
    ['contact.queued', 'contact.queued', true],
    ['contact.queued', 'contact.answered', false],
    ['contact.*', 'contact.queued', true],
    ['contact.*', 'contact', false],
    ['contact.*', 'contact.queued.extra', false],
    ['#', 'anything.at.all', true],
    ['contact.#', 'contact', true],
    ['#.breached', 'sla.breached', true],
    ['*.breached', 'sla.warned', false],
  ])('%s vs %s → %s', (pattern, key, expected) => {
    expect(matchesTopic(pattern, key)).toBe(expected);
  });
});

describe('selectPatterns', () => {
  it('prefers an exact pattern over wildcards', () => {
    expect(selectPatterns(['#', 'contact.queued', 'contact.*'], 'contact.queued')).toEqual(['contact.queued']);
  });
  it('falls back to every matching wildcard', () => {
    expect(selectPatterns(['#', 'contact.*', 'case.*'], 'contact.ended')).toEqual(['#', 'contact.*']);
  });
});

import { decideOnFailure, DEFAULT_RETRY_DELAYS_MS, retriesSoFar } from './retry-policy';

describe('decideOnFailure', () => {
  it('retries with 1 s, 10 s, 60 s, then dead-letters', () => {
    expect(decideOnFailure(0, DEFAULT_RETRY_DELAYS_MS)).toEqual({ action: 'retry', attempt: 1, delayMs: 1000 });
    expect(decideOnFailure(1, DEFAULT_RETRY_DELAYS_MS)).toEqual({ action: 'retry', attempt: 2, delayMs: 10000 });
    expect(decideOnFailure(2, DEFAULT_RETRY_DELAYS_MS)).toEqual({ action: 'retry', attempt: 3, delayMs: 60000 });
    expect(decideOnFailure(3, DEFAULT_RETRY_DELAYS_MS)).toEqual({ action: 'dead-letter' });
  });
  it('dead-letters permanent failures at once', () => {
    expect(decideOnFailure(0, DEFAULT_RETRY_DELAYS_MS, 'permanent')).toEqual({ action: 'dead-letter' });
  });
  it('waits out an unavailable dependency without spending retries, even after the last one', () => {
    expect(decideOnFailure(0, DEFAULT_RETRY_DELAYS_MS, 'unavailable')).toEqual({ action: 'retry', attempt: 0, delayMs: 10000 });
    expect(decideOnFailure(3, DEFAULT_RETRY_DELAYS_MS, 'unavailable')).toEqual({ action: 'retry', attempt: 3, delayMs: 10000 });
  });
});

describe('retriesSoFar', () => {
  it('reads the header, tolerating strings and garbage', () => {
    expect(retriesSoFar(undefined)).toBe(0);
    expect(retriesSoFar({ 'x-retry-count': 2 })).toBe(2);
    expect(retriesSoFar({ 'x-retry-count': '3' })).toBe(3);
    expect(retriesSoFar({ 'x-retry-count': 'x' })).toBe(0);
    expect(retriesSoFar({ 'x-retry-count': -1 })).toBe(0);
  });
});

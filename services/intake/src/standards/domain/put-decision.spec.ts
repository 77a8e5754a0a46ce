import { decidePut } from './put-decision';
import type { StandardVersion } from './standard-version';

const v3: StandardVersion = {
  tenantId: 'acme',
  version: '3',
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  standards: {
    'answer-time': { kind: 'deadline', seconds: 20 },
    'forbidden-phrases': { kind: 'phrases', add: { zh: ['你问别人'], en: ['ask someone else'] } },
  },
};

describe('decidePut', () => {
  it('creates a version the tenant does not have', () => {
    expect(decidePut(v3, [])).toEqual({ outcome: 'created' });
    expect(decidePut({ ...v3, version: '4', effectiveFrom: '2026-02-01T00:00:00Z' }, [v3])).toEqual({ outcome: 'created' });
  });

  it('leaves a version sent again unchanged, however its keys are ordered and its instant written', () => {
    const again: StandardVersion = {
      ...v3,
      effectiveFrom: '2025-12-31T16:00:00.000Z',
      standards: { 'forbidden-phrases': v3.standards['forbidden-phrases'], 'answer-time': { seconds: 20, kind: 'deadline' } },
    };
    expect(decidePut(again, [v3])).toEqual({ outcome: 'unchanged', kept: v3 });
  });

  it('refuses other content for a kept version, naming it', () => {
    for (const changed of [
      { ...v3, effectiveFrom: '2026-01-02T00:00:00+08:00' },
      { ...v3, standards: { 'answer-time': { kind: 'deadline' as const, seconds: 15 } } },
    ]) {
      const decision = decidePut(changed, [v3]);
      expect(decision).toEqual({ outcome: 'conflict', detail: expect.stringContaining('standards version 3 with other content') });
    }
  });

  it('refuses a second version taking effect at the same instant, naming the one kept', () => {
    const decision = decidePut({ ...v3, version: '4', effectiveFrom: '2025-12-31T16:00:00Z' }, [v3]);
    expect(decision).toEqual({ outcome: 'conflict', detail: expect.stringMatching(/version 3 already takes effect at 2025-12-31T16:00:00.000Z; version 4/) });
  });
});

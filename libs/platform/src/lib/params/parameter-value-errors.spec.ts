import { parameterValueErrors } from './parameter-value-errors';

describe('parameterValueErrors', () => {
  it('accepts ordinary text, including non-ASCII and paired surrogates', () => {
    expect(parameterValueErrors('params', { caseId: 'CASE-1', name: 'café 客服 😀' })).toEqual([]);
    expect(parameterValueErrors('query', { tenant: ['a', 'b'], filter: { stage: 'open' } })).toEqual([]);
    expect(parameterValueErrors('query', undefined)).toEqual([]);
  });

  it('names each path parameter holding NUL or a lone surrogate', () => {
    expect(parameterValueErrors('params', { caseId: 'a\0b', tenantId: 'x\uD800', id: '\uDC00y', ok: 'fine' })).toEqual([
      { path: 'params.id', message: 'must not contain a lone UTF-16 surrogate' },
      { path: 'params.tenantId', message: 'must not contain a lone UTF-16 surrogate' },
      { path: 'params.caseId', message: 'must not contain NUL (U+0000)' },
    ]);
  });

  it('names a repeated or nested query parameter once, and an unusable name', () => {
    expect(parameterValueErrors('query', { tenant: ['ok', '\0', 'also\0'], a: { b: '\0' }, 'bad\0name': 'v' })).toEqual([
      { path: 'query.bad\uFFFDname', message: 'the name must not contain NUL (U+0000)' },
      { path: 'query.a.b', message: 'must not contain NUL (U+0000)' },
      { path: 'query.tenant', message: 'must not contain NUL (U+0000)' },
    ]);
  });
});

import { malformedUrlErrors } from './malformed-url-errors';

describe('malformedUrlErrors', () => {
  it('accepts well-formed URLs, with or without a query', () => {
    expect(malformedUrlErrors('/v1/cases/caf%C3%A9')).toEqual([]);
    expect(malformedUrlErrors('/v1/kpis?day=2026-11-25&q=a+b%20c&flag&x=1=2&&')).toEqual([]);
    // NUL is well-formed percent-encoding: the parameter check refuses it once decoded.
    expect(malformedUrlErrors('/v1/cases/%00?tenant=%00')).toEqual([]);
  });

  it('names the path when it cannot be decoded', () => {
    for (const url of ['/v1/cases/%ZZ', '/v1/cases/%E0%A4', '/v1/cases/%ED%A0%80', '/v1/cases/%']) {
      expect(malformedUrlErrors(url)).toEqual([{ path: 'params', message: 'The URL path is not valid percent-encoded UTF-8' }]);
    }
  });

  it('names each query parameter whose name or value cannot be decoded', () => {
    expect(malformedUrlErrors('/v1/x?tenant=%ZZ&ok=1&day=%ED%A0%80&%FF=v')).toEqual([
      { path: 'query.tenant', message: 'is not valid percent-encoded UTF-8' },
      { path: 'query.day', message: 'is not valid percent-encoded UTF-8' },
      { path: 'query.\uFFFD', message: 'is not valid percent-encoded UTF-8' },
    ]);
  });
});

import { validateStandardVersion } from './validate-standard-version';

const body = {
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  standards: { 'answer-time': { kind: 'deadline', seconds: 20 } },
};

describe('validateStandardVersion', () => {
  it('accepts a version that only tightens, with the tenant and version from the URL', () => {
    expect(validateStandardVersion('acme', '3', body)).toEqual({
      result: 'valid',
      overrides: { tenantId: 'acme', version: '3', ...body },
    });
  });

  it('reports shape errors naming the field, the URL parameters by their place', () => {
    const check = validateStandardVersion('acme', 'v:3', { effectiveFrom: 'tomorrow', standards: { 'answer-time': 20 } });
    expect(check.result).toBe('shape');
    const paths = check.result === 'shape' ? check.issues.map((issue) => issue.path) : [];
    expect(paths.sort()).toEqual(['effectiveFrom', 'params.version', 'standards.answer-time']);
  });

  it('refuses fields the body does not have, rather than letting them pass as the URL ones', () => {
    const check = validateStandardVersion('acme', '3', { ...body, version: '4' });
    expect(check).toEqual({ result: 'shape', issues: [{ path: 'version', message: expect.stringContaining('come from the URL') }] });
    expect(validateStandardVersion('acme', '3', [body])).toMatchObject({ result: 'shape', issues: [{ path: '' }] });
  });

  it('names every loosened field', () => {
    const check = validateStandardVersion('acme', '3', {
      effectiveFrom: body.effectiveFrom,
      standards: {
        'answer-time': { kind: 'deadline', seconds: 60 },
        'network-fault-response': { kind: 'deadline', seconds: 3600 },
        'billing-error-rate': { kind: 'ratio', max: 0.5 },
        'long-hold': { kind: 'deadline', seconds: 600 }, // a Hotline default: either way
      },
    });
    expect(check.result).toBe('loosened');
    const paths = check.result === 'loosened' ? check.issues.map((issue) => issue.path) : [];
    expect(paths).toEqual(['standards.answer-time.seconds', 'standards.network-fault-response.seconds', 'standards.billing-error-rate.max']);
  });
});

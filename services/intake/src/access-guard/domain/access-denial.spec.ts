import type { AuthFailure } from '@hotline/platform';
import { accessDeniedData, type Denial, deniedOrigin, toDenial } from './access-denial';

const route = 'POST /v1/events';

describe('toDenial', () => {
  it.each([
    ['missing-credentials', 'missing_key'],
    ['unknown-api-key', 'unknown_key'],
    ['revoked-api-key', 'revoked_key'],
    ['missing-scope', 'wrong_scope'],
  ] as const)('reports %s as %s', (reason, expected) => {
    expect(toDenial({ reason, route, remoteAddress: '10.0.0.1' })).toMatchObject({ reason: expected, route, remoteAddress: '10.0.0.1' });
  });

  it.each(['invalid-token', 'expired-token', 'missing-role'] as const)('does not count JWT failures (%s)', (reason) => {
    expect(toDenial({ reason, route, remoteAddress: '10.0.0.1' })).toBeUndefined();
  });

  it('writes an IPv4 client of a dual-stack socket as plain IPv4, and counts it as one client', () => {
    const mapped = toDenial({ reason: 'unknown-api-key', route, remoteAddress: '::ffff:10.0.0.1' });
    const plain = toDenial({ reason: 'unknown-api-key', route, remoteAddress: '10.0.0.1' });
    expect(mapped?.remoteAddress).toBe('10.0.0.1');
    expect(mapped?.origin).toBe(plain?.origin);
    expect(toDenial({ reason: 'unknown-api-key', route, remoteAddress: '::ffff:abcd' })?.remoteAddress).toBe('::ffff:abcd');
  });

  it('keeps the key prefix presented', () => {
    expect(toDenial({ reason: 'revoked-api-key', route, keyPrefix: 'hlk_AAAAAAAA' })?.keyPrefix).toBe('hlk_AAAAAAAA');
  });
});

describe('deniedOrigin', () => {
  it('counts unknown keys per address, whatever prefix the client makes up', () => {
    expect(deniedOrigin('unknown_key', '10.0.0.1', 'hlk_AAAAAAAA')).toBe(deniedOrigin('unknown_key', '10.0.0.1', 'hlk_BBBBBBBB'));
    expect(deniedOrigin('unknown_key', '10.0.0.1', undefined)).not.toBe(deniedOrigin('unknown_key', '10.0.0.2', undefined));
  });

  it('counts revoked and wrong-scope keys per address and key', () => {
    for (const reason of ['revoked_key', 'wrong_scope'] as const) {
      expect(deniedOrigin(reason, '10.0.0.1', 'hlk_AAAAAAAA')).not.toBe(deniedOrigin(reason, '10.0.0.1', 'hlk_BBBBBBBB'));
    }
  });

  it('counts each reason apart', () => {
    expect(deniedOrigin('missing_key', '10.0.0.1', undefined)).not.toBe(deniedOrigin('unknown_key', '10.0.0.1', undefined));
  });
});

/** The denial a counted failure makes (these tests only use counted reasons). */
function denialOf(failure: AuthFailure): Denial {
  const denial = toDenial(failure);
  if (!denial) throw new Error(`${failure.reason} is not counted`);
  return denial;
}

describe('accessDeniedData', () => {
  it('builds the catalogue fields, cutting values to their limits', () => {
    const denial = denialOf({ reason: 'unknown-api-key', route: `GET /${'x'.repeat(300)}`, remoteAddress: 'a'.repeat(150) });
    const data = accessDeniedData(denial, 7, 'hlk_AAAAAAAA');
    expect(data).toEqual({ reason: 'unknown_key', keyPrefix: 'hlk_AAAAAAAA', remoteAddress: 'a'.repeat(100), route: expect.any(String), attempts: 7 });
    expect(data.route).toHaveLength(200);
  });

  it('leaves out what is not known', () => {
    const denial = denialOf({ reason: 'missing-credentials', route });
    expect(accessDeniedData(denial, 5, undefined)).toEqual({ reason: 'missing_key', route, attempts: 5 });
  });
});

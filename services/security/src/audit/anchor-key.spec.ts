import { resolveAnchorKey } from './anchor-key';

describe('the anchor key', () => {
  const jwtSecret = 'a-jwt-secret-of-some-length';

  it('is AUDIT_ANCHOR_KEY when set, and refuses one too short to be a key', () => {
    const key = 'k'.repeat(32);
    expect(resolveAnchorKey({ anchorKey: key, credentialsKey: 'c'.repeat(44), jwtSecret })).toEqual({ source: 'configured', key: Buffer.from(key) });
    expect(() => resolveAnchorKey({ anchorKey: 'short', jwtSecret })).toThrow(/AUDIT_ANCHOR_KEY must be at least 32 characters/);
  });

  it('is otherwise derived from HOTLINE_CREDENTIALS_KEY, else JWT_SECRET, and never equals either', () => {
    const fromCredentials = resolveAnchorKey({ anchorKey: ' ', credentialsKey: 'c'.repeat(44), jwtSecret });
    const fromJwt = resolveAnchorKey({ jwtSecret });
    expect(fromCredentials.source).toBe('credentials-key');
    expect(fromJwt.source).toBe('jwt-secret');
    expect(fromCredentials.key).toHaveLength(32);
    expect(fromCredentials.key.equals(fromJwt.key)).toBe(false);
    expect(fromJwt.key.toString('utf8')).not.toContain(jwtSecret);
    expect(resolveAnchorKey({ jwtSecret }).key.equals(fromJwt.key)).toBe(true);
  });

  it('refuses in production to derive it from JWT_SECRET, which may be the public default beside OIDC', () => {
    expect(() => resolveAnchorKey({ jwtSecret, nodeEnv: 'production' })).toThrow(/AUDIT_ANCHOR_KEY \(or HOTLINE_CREDENTIALS_KEY\) must be set in production/);
    expect(resolveAnchorKey({ credentialsKey: 'c'.repeat(44), jwtSecret, nodeEnv: 'production' }).source).toBe('credentials-key');
    expect(resolveAnchorKey({ anchorKey: 'k'.repeat(32), jwtSecret, nodeEnv: 'production' }).source).toBe('configured');
  });
});

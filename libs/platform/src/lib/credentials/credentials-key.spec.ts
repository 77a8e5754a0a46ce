import { randomBytes } from 'node:crypto';
import { resolveCredentialsKey } from './credentials-key';

describe('resolveCredentialsKey', () => {
  it('uses HOTLINE_CREDENTIALS_KEY, 32 bytes in Base64', () => {
    const key = randomBytes(32);
    expect(resolveCredentialsKey(key.toString('base64'), 'production', 'intake')).toEqual({ source: 'configured', key });
  });

  it('derives a fixed development key when unset outside production', () => {
    const development = resolveCredentialsKey(undefined, 'development', 'intake');
    expect(development).toMatchObject({ source: 'development' });
    expect(resolveCredentialsKey('', 'test', 'intake')).toEqual(development);
    expect(development.key.length).toBe(32);
  });

  it('stops the service when unset (or empty) in production, naming the variable', () => {
    for (const unset of [undefined, '', '  ']) {
      expect(() => resolveCredentialsKey(unset, 'production', 'intake')).toThrow(/^HOTLINE_CREDENTIALS_KEY is not set: with NODE_ENV=production/);
    }
  });

  it('stops the service on a key that is not 32 bytes of Base64, without echoing it', () => {
    expect(() => resolveCredentialsKey(randomBytes(16).toString('base64'), 'production', 'intake')).toThrow(/32 bytes/);
    expect(() => resolveCredentialsKey('not base64 at all, but long enough to be 32 bytes!!', 'development', 'intake')).toThrow(
      /HOTLINE_CREDENTIALS_KEY/,
    );
    expect(() => resolveCredentialsKey('secret-typo', 'development', 'intake')).not.toThrow(/secret-typo/);
  });
});

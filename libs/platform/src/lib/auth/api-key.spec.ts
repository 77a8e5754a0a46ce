import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, parseApiKeyPrefix } from './api-key';

describe('API keys', () => {
  it('generates hlk_<8-char id>_<43-char secret> keys with their prefix and SHA-256 hash', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^hlk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a key or a prefix', () => {
    const keys = Array.from({ length: 1000 }, generateApiKey);
    expect(new Set(keys.map((k) => k.key)).size).toBe(1000);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(1000);
  });

  it('hashes deterministically', () => {
    expect(hashApiKey('hlk_abc')).toBe(hashApiKey('hlk_abc'));
    expect(hashApiKey('hlk_abc')).not.toBe(hashApiKey('hlk_abd'));
  });

  it('reads the prefix of a well-formed key only', () => {
    const { key, prefix } = generateApiKey();
    expect(parseApiKeyPrefix(key)).toBe(prefix);
    expect(parseApiKeyPrefix('hlk_Ab3dE6gH_' + '_'.repeat(32))).toBe('hlk_Ab3dE6gH');
    expect(parseApiKeyPrefix('hlk_short_' + 'x'.repeat(40))).toBeUndefined();
    expect(parseApiKeyPrefix('hlk_Ab3dE6gH_tooshort')).toBeUndefined();
    expect(parseApiKeyPrefix('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBeUndefined();
  });
});

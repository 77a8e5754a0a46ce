import { randomBytes } from 'node:crypto';
import { CredentialCipher } from './credential-cipher';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(randomBytes(32));
  const token = '0123456789abcdef0123456789abcdef';

  it('round-trips a secret without storing it in clear, with a fresh nonce each time', () => {
    const first = cipher.encrypt(token, 'acme/twilio');
    const second = cipher.encrypt(token, 'acme/twilio');
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toContain(token);
    expect(first).not.toBe(second);
    expect(cipher.decrypt(first, 'acme/twilio')).toBe(token);
    expect(cipher.decrypt(second, 'acme/twilio')).toBe(token);
  });

  it("refuses another tenant's row, another key, and any tampering", () => {
    const stored = cipher.encrypt(token, 'acme/twilio');
    expect(cipher.decrypt(stored, 'globex/twilio')).toBeUndefined();
    expect(new CredentialCipher(randomBytes(32)).decrypt(stored, 'acme/twilio')).toBeUndefined();
    const [version, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'acme/twilio')).toBeUndefined();
    expect(cipher.decrypt(`v2.${iv}.${tag}.${body}`, 'acme/twilio')).toBeUndefined();
    expect(cipher.decrypt('garbage', 'acme/twilio')).toBeUndefined();
  });

  it('needs a 256-bit key', () => {
    expect(() => new CredentialCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

import { createHmac } from 'node:crypto';
import { helpScoutSignature, isValidHelpScoutSignature } from './helpscout-signature';

const SECRET = 'mZ9XbGHodX';
const BODY = Buffer.from('{"id":5434,"ticketId":1560011,"rating":"Great"}', 'utf8');

describe('X-HelpScout-Signature', () => {
  it('is the Base64 HMAC-SHA1 of the raw body under the secret key, as Help Scout computes it', () => {
    const expected = createHmac('sha1', SECRET).update(BODY).digest('base64');
    expect(helpScoutSignature(SECRET, BODY)).toBe(expected);
    expect(expected).toHaveLength(28);
    expect(isValidHelpScoutSignature(SECRET, expected, BODY)).toBe(true);
  });

  it('fails for another key, another body (even the same JSON spaced differently), no signature or no body', () => {
    const signature = helpScoutSignature(SECRET, BODY);
    expect(isValidHelpScoutSignature('another-secret', signature, BODY)).toBe(false);
    expect(isValidHelpScoutSignature(SECRET, signature, Buffer.from('{"id": 5434, "ticketId": 1560011, "rating": "Great"}'))).toBe(false);
    expect(isValidHelpScoutSignature(SECRET, undefined, BODY)).toBe(false);
    expect(isValidHelpScoutSignature(SECRET, signature, undefined)).toBe(false);
    expect(isValidHelpScoutSignature(SECRET, 'short', BODY)).toBe(false);
    expect(isValidHelpScoutSignature('', signature, BODY)).toBe(false);
  });
});

import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhookSignature, webhookHeaders, webhookKeyOf } from './webhook-signature';

describe('Standard Webhooks signatures', () => {
  // The test vector the Standard Webhooks reference libraries (and Svix's) sign in their own tests.
  const vector = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' };

  it('reproduces the reference vector', () => {
    expect(signWebhook(vector.secret, vector)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs "{id}.{timestamp}.{body}" with the decoded secret, as an independent HMAC computes it', () => {
    const secret = newWebhookSecret();
    const content = { id: 'msg_1', timestamp: 1_700_000_000, body: '{"type":"alert.raised","data":{"alertId":"a1"}}' };
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`msg_1.1700000000.${content.body}`).digest('base64');
    expect(signWebhook(secret, content)).toBe(`v1,${mac}`);
  });

  it('makes whsec_ secrets of 32 random bytes, each new', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(webhookKeyOf(secret)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('verifies a header listing several signatures, and refuses a changed body, id or timestamp', () => {
    const header = `v1,bm9wZQ== ${signWebhook(vector.secret, vector)}`;
    expect(verifyWebhookSignature(vector.secret, vector, header)).toBe(true);
    expect(verifyWebhookSignature(vector.secret, { ...vector, body: '{"test": 2432232315}' }, header)).toBe(false);
    expect(verifyWebhookSignature(vector.secret, { ...vector, id: 'msg_other' }, header)).toBe(false);
    expect(verifyWebhookSignature(vector.secret, { ...vector, timestamp: vector.timestamp + 1 }, header)).toBe(false);
  });

  it('gives the three headers of an attempt', () => {
    expect(webhookHeaders(vector.secret, vector)).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });
});

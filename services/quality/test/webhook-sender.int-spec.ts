import { WebhookReceiver } from '@hotline/testing';
import { AlertDeliveryConfig } from '../src/alert-delivery/alert-delivery-config';
import { WebhookDestinations } from '../src/alert-delivery/webhook-destinations';
import { WebhookSender } from '../src/alert-delivery/webhook-sender';

// Real DNS (localhost from the hosts file) and a real receiver on 127.0.0.1: the policy is applied where node connects.
describe('webhook destinations, resolved (registration) and connected to (delivery)', () => {
  const destinations = (allowed?: string) => new WebhookDestinations(new AlertDeliveryConfig(allowed === undefined ? {} : { QUALITY_WEBHOOK_ALLOWED_HOSTS: allowed }));
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  afterAll(() => receiver.close());

  it('refuses at registration a name that resolves to a forbidden address, and takes one that does not resolve', async () => {
    expect(await destinations().refusal('http://localhost:8080/x')).toBe('localhost resolves to 127.0.0.1, a loopback address');
    expect(await destinations().refusal('http://[fe80::1]/x')).toBe('fe80::1 is a link-local address');
    expect(await destinations().refusal('https://hooks.hotline.invalid/x')).toBeUndefined();
    expect(await destinations('127.0.0.0/8').refusal('http://localhost:8080/x')).toBeUndefined();
    expect(await destinations('localhost').refusal('http://localhost:8080/x')).toBeUndefined();
  });

  it('does not connect to a forbidden address, by name or literally, and says why', async () => {
    const sender = new WebhookSender(destinations());
    const byName = receiver.url.replace('127.0.0.1', 'localhost');
    expect(await sender.post(byName, {}, '{}', 2000)).toMatchObject({ refused: true, error: 'refused: localhost resolves to 127.0.0.1, a loopback address' });
    expect(await sender.post(receiver.url, {}, '{}', 2000)).toMatchObject({ refused: true, error: 'refused: 127.0.0.1 is a loopback address' });
    expect(receiver.requests).toEqual([]);
  });

  it('posts to an address the allow-list admits, and reports what answered', async () => {
    const sender = new WebhookSender(destinations('127.0.0.1'));
    const outcome = await sender.post(receiver.url.replace('127.0.0.1', 'localhost'), { 'webhook-id': 'msg_1' }, '{"a":1}', 2000);
    expect(outcome).toEqual({ statusCode: 204, durationMs: expect.any(Number) });
    expect(receiver.requests).toEqual([expect.objectContaining({ path: '/hooks', body: '{"a":1}', headers: expect.objectContaining({ 'webhook-id': 'msg_1', 'content-type': 'application/json' }) })]);
  });
});

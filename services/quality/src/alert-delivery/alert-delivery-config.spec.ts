import { AlertDeliveryConfig } from './alert-delivery-config';

describe('alert delivery config', () => {
  it('allows no internal webhook host by default, and reads the allow-list', () => {
    expect(new AlertDeliveryConfig({}).allowedHosts.hostnames.size).toBe(0);
    const config = new AlertDeliveryConfig({ QUALITY_WEBHOOK_ALLOWED_HOSTS: 'hooks.internal,10.0.0.0/8' });
    expect([...config.allowedHosts.hostnames]).toEqual(['hooks.internal']);
    expect(config.allowedHosts.addresses.check('10.1.2.3', 'ipv4')).toBe(true);
  });

  it('stops the service at start on an allow-list entry it cannot read', () => {
    expect(() => new AlertDeliveryConfig({ QUALITY_WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/40' })).toThrow('QUALITY_WEBHOOK_ALLOWED_HOSTS: "10.0.0.0/40" is no host name, address or CIDR');
  });
});

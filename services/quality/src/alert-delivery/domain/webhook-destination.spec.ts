import { parseAllowedHosts, WebhookDestinationPolicy } from './webhook-destination';

describe('webhook destinations (SSRF)', () => {
  const nothingAllowed = new WebhookDestinationPolicy(parseAllowedHosts(''));
  const literal = (policy: WebhookDestinationPolicy, address: string) => policy.refusal(address, [address]);

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fd00:ec2::254', 'unique local (private)'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', '"this network"'],
    ['0.1.2.3', '"this network"'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['100.100.100.200', 'shared (CGNAT)'],
    ['192.0.0.192', 'special-purpose'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata)'],
    ['64:ff9b::a00:1', 'private'],
  ])('refuses %s (%s)', (address, name) => {
    expect(literal(nothingAllowed, address)).toBe(`${address} is a ${name} address`);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '64:ff9b::808:808'])('takes the public address %s', (address) => {
    expect(literal(nothingAllowed, address)).toBeUndefined();
  });

  it('refuses a host name when any of its addresses is forbidden, naming the address', () => {
    expect(nothingAllowed.refusal('hooks.example.com', ['93.184.215.14'])).toBeUndefined();
    expect(nothingAllowed.refusal('Hooks.Example.com.', ['93.184.215.14', '10.0.0.7'])).toBe('hooks.example.com resolves to 10.0.0.7, a private address');
    expect(nothingAllowed.refusal('[::1]', ['::1'])).toBe('::1 is a loopback address');
  });

  it('admits what the allow-list names: host names whatever they resolve to, addresses and CIDRs', () => {
    const policy = new WebhookDestinationPolicy(parseAllowedHosts(' hooks.internal ,127.0.0.1, 10.20.0.0/16,[fd00::5],'));
    expect(policy.refusal('HOOKS.internal', ['10.9.9.9'])).toBeUndefined();
    expect(literal(policy, '127.0.0.1')).toBeUndefined();
    expect(literal(policy, '127.0.0.2')).toBe('127.0.0.2 is a loopback address');
    expect(literal(policy, '::ffff:127.0.0.1')).toBeUndefined();
    expect(literal(policy, '10.20.255.1')).toBeUndefined();
    expect(literal(policy, '10.21.0.1')).toBe('10.21.0.1 is a private address');
    expect(literal(policy, 'fd00::5')).toBeUndefined();
    expect(policy.refusal('other.internal', ['10.20.0.1', '10.9.9.9'])).toBe('other.internal resolves to 10.9.9.9, a private address');
  });

  it.each(['10.0.0.0/33', '::1/129', '10.0.0.0/8/1', 'hooks example', 'http://hooks.internal', '*.internal'])('refuses the allow-list entry %s', (entry) => {
    expect(() => parseAllowedHosts(`hooks.internal,${entry}`)).toThrow(`"${entry}" is no host name, address or CIDR`);
  });
});

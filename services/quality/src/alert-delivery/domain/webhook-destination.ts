import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not post (SSRF): the service's own host, the private networks around it and
 * the clouds' metadata services (169.254.169.254, fd00:ec2::254, 100.100.100.200 lie in these).
 * Each range with what a refusal calls it.
 */
const FORBIDDEN_V4: readonly [string, string, number][] = [
  ['"this network"', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['shared (CGNAT)', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local (cloud metadata)', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['special-purpose', '192.0.0.0', 24],
  ['private', '192.168.0.0', 16],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
];
const FORBIDDEN_V6: readonly [string, string, number][] = [
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['unique local (private)', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['multicast', 'ff00::', 8],
];

/** What QUALITY_WEBHOOK_ALLOWED_HOSTS admits: host names (whatever they resolve to) and addresses. */
export interface AllowedHosts {
  hostnames: ReadonlySet<string>;
  addresses: BlockList;
}

const HOSTNAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

/** Parses the comma-separated allow-list (host names, addresses, CIDRs); throws naming a bad entry. */
export function parseAllowedHosts(list: string): AllowedHosts {
  const hostnames = new Set<string>();
  const addresses = new BlockList();
  for (const raw of list.split(',')) {
    const entry = bareHost(raw.trim());
    if (entry === '') continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    if (family !== 0 && bits === undefined) {
      addresses.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
    } else if (family !== 0 && extra === undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) {
      addresses.addSubnet(address, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
    } else if (HOSTNAME.test(entry)) {
      hostnames.add(entry);
    } else {
      throw new Error(`"${raw.trim()}" is no host name, address or CIDR`);
    }
  }
  return { hostnames, addresses };
}

/** A URL's hostname as it is compared and resolved: lower case, IPv6 without brackets, no trailing dot. */
export function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** Decides which webhook hosts and addresses may be reached. */
export class WebhookDestinationPolicy {
  private readonly forbidden: { name: string; ranges: BlockList }[];

  constructor(private readonly allowed: AllowedHosts) {
    const names = new Map<string, BlockList>();
    const rangesOf = (name: string): BlockList => {
      const ranges = names.get(name) ?? new BlockList();
      names.set(name, ranges);
      return ranges;
    };
    for (const [name, address, bits] of FORBIDDEN_V4) {
      rangesOf(name).addSubnet(address, bits, 'ipv4');
      // The same addresses through NAT64 (64:ff9b::/96 embeds an IPv4 address in its last 32 bits).
      rangesOf(name).addSubnet(`64:ff9b::${address}`, 96 + bits, 'ipv6');
    }
    for (const [name, address, bits] of FORBIDDEN_V6) rangesOf(name).addSubnet(address, bits, 'ipv6');
    this.forbidden = [...names].map(([name, ranges]) => ({ name, ranges }));
  }

  /**
   * Why `hostname` (a URL's, resolved to `addresses`) may not be posted to, or undefined when it
   * may: a host the allow-list names, or one whose every address is public or allow-listed.
   */
  refusal(hostname: string, addresses: readonly string[]): string | undefined {
    const host = bareHost(hostname);
    if (this.allowed.hostnames.has(host)) return undefined;
    for (const address of addresses) {
      const name = this.forbiddenRangeOf(address);
      if (name === undefined) continue;
      return address === host ? `${address} is a ${name} address` : `${host} resolves to ${address}, a ${name} address`;
    }
    return undefined;
  }

  private forbiddenRangeOf(address: string): string | undefined {
    const family = isIP(address);
    if (family === 0) return 'unrecognised';
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowed.addresses.check(address, type)) return undefined;
    return this.forbidden.find(({ ranges }) => ranges.check(address, type))?.name;
  }
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AlertDeliveryConfig } from './alert-delivery-config';
import { bareHost, WebhookDestinationPolicy } from './domain/webhook-destination';

/** How long registration waits for a webhook host's addresses before taking it unchecked. */
const REGISTRATION_LOOKUP_MS = 5000;

/** A delivery's connection refused by the destination policy: what its lookup fails with. */
export class DestinationRefused extends Error {
  readonly code = 'EWEBHOOKDESTINATION';
}

/**
 * Resolves webhook hosts and applies the destination policy (SSRF) with the allow-list of
 * QUALITY_WEBHOOK_ALLOWED_HOSTS: once at registration, and again on every delivery's connection.
 */
@Injectable()
export class WebhookDestinations {
  private readonly policy: WebhookDestinationPolicy;

  constructor(config: AlertDeliveryConfig) {
    this.policy = new WebhookDestinationPolicy(config.allowedHosts);
  }

  /**
   * At registration: why the URL's host may not be posted to, or undefined. A name that does not
   * resolve (yet) is taken, as its deliveries are checked when they connect.
   */
  async refusal(url: string): Promise<string | undefined> {
    const host = bareHost(new URL(url).hostname);
    if (isIP(host) !== 0) return this.literalRefusal(host);
    return this.policy.refusal(host, await addressesOf(host));
  }

  /** Why a URL's host, when it is an address (connected to without any lookup), may not be reached. */
  literalRefusal(hostname: string): string | undefined {
    const host = bareHost(hostname);
    return isIP(host) === 0 ? undefined : this.policy.refusal(host, [host]);
  }

  /**
   * node:http's `lookup` for deliveries: resolves the name, fails with DestinationRefused when any
   * address is forbidden, and hands over only addresses it checked, so the connection goes where
   * the check looked, however the name resolves a moment later (DNS rebinding).
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      const refusal = this.policy.refusal(hostname, addresses.map((a) => a.address));
      if (refusal !== undefined) return callback(new DestinationRefused(refusal), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The host's addresses, or none when it does not resolve in time. */
function addressesOf(host: string): Promise<string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), REGISTRATION_LOOKUP_MS);
    dnsLookup(host, { all: true }, (error, addresses: LookupAddress[]) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses.map((a) => a.address));
    });
  });
}

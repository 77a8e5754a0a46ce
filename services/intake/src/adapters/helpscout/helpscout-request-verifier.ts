import { Injectable } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { HelpScoutSecretKeys } from './helpscout-secret-keys';
import { isValidHelpScoutSignature } from './helpscout-signature';

/**
 * Decides whether a delivery really comes from the tenant's Help Scout webhook: its
 * X-HelpScout-Signature must be the HMAC of the raw body (`req.rawBody`, kept by the app's body
 * parsers) under the tenant's secret key.
 */
@Injectable()
export class HelpScoutRequestVerifier {
  constructor(private readonly secretKeys: HelpScoutSecretKeys) {}

  async verify(request: RawBodyRequest<Request>, tenantId: string | undefined): Promise<boolean> {
    const secretKey = tenantId ? await this.secretKeys.get(tenantId) : undefined;
    // An unknown tenant costs the same HMAC as a known one: timing does not tell which tenants exist.
    const valid = isValidHelpScoutSignature(secretKey ?? randomBytes(20).toString('hex'), request.header('x-helpscout-signature'), request.rawBody);
    return valid && secretKey !== undefined;
  }
}

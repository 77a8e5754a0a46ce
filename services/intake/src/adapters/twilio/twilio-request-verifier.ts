import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { signedRequestUrl } from './signed-request-url';
import { TwilioAuthTokens } from './twilio-auth-tokens';
import { isValidTwilioSignature } from './twilio-signature';

export const PUBLIC_URL_ENV = 'INTAKE_PUBLIC_URL';

/**
 * Decides whether a Twilio callback (TaskRouter or Voice) really comes from the tenant's Twilio account: its
 * X-Twilio-Signature must be the HMAC of the URL Twilio called and the posted parameters under the
 * tenant's auth token. See signedRequestUrl for how that URL is rebuilt behind a proxy.
 */
@Injectable()
export class TwilioRequestVerifier {
  private readonly publicBaseUrl?: string;

  constructor(
    private readonly authTokens: TwilioAuthTokens,
    config: ConfigService,
  ) {
    const publicUrl = config.get<string>(PUBLIC_URL_ENV)?.trim();
    if (publicUrl && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(publicUrl)) {
      throw new Error(`${PUBLIC_URL_ENV} must be the http(s) URL Twilio reaches intake at, e.g. https://hotline.example.com`);
    }
    this.publicBaseUrl = publicUrl || undefined;
  }

  /**
   * `params` are the posted form parameters, or none for a body that is not form-encoded (Twilio
   * then signs the URL alone): the signature is checked before the content type, so that an
   * unsigned request learns nothing from a 415.
   */
  async verify(request: Request, tenantId: string | undefined, params: Readonly<Record<string, unknown>>): Promise<boolean> {
    const signature = request.header('x-twilio-signature');
    const authToken = tenantId ? await this.authTokens.get(tenantId) : undefined;
    // An unknown tenant costs the same HMACs as a known one: timing does not tell which tenants exist.
    const url = signedRequestUrl(request, this.publicBaseUrl);
    const valid = isValidTwilioSignature(authToken ?? randomBytes(16).toString('hex'), signature, url, params);
    return valid && authToken !== undefined;
  }
}

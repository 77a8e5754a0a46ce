import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { CorrelationContext } from '@hotline/messaging';
import { type AuthFailureListener, ProblemException } from '@hotline/platform';
import { usableQueryText } from './query-text';
import { assertStorablePayload } from './storable-payload';

/** A delivery a platform signs with the tenant's secret (it cannot send our API key), as received. */
export interface SignedDelivery {
  /** Method and route, as failures are counted: `POST /v1/adapters/helpscout/satisfaction-ratings`. */
  route: string;
  /** Who must have signed it, as the 403 says: `the Help Scout webhook`. */
  signer: string;
  /** The `tenant` query value; one that is not usable (usableQueryText) is refused like a bad signature, no secret looked up. */
  tenant: unknown;
  /** Whether the tenant's secret signed it; also called without a tenant, so timing tells no tenants apart. */
  verify(tenantId: string | undefined): Promise<boolean>;
  /** Whether it is of the platform's content type; else a 415 saying `unsupported`. */
  supported: boolean;
  unsupported: string;
  /** What of it is kept: checked for text PostgreSQL cannot store. */
  payload: unknown;
}

/**
 * Authenticates first: an unsigned caller gets the same 403 whatever its tenant, content type or
 * body, counted with API-key failures (repeated forgeries become one access.denied event). Then 415,
 * then the 400 for unstorable text; the tenant joins the correlation context last. Returns the tenant.
 */
export async function authenticateSignedDelivery(request: Request, delivery: SignedDelivery, failures?: AuthFailureListener): Promise<string> {
  const tenantId = usableQueryText(delivery.tenant);
  if (!(await delivery.verify(tenantId)) || !tenantId) {
    failures?.onAuthFailure({ reason: 'invalid-signature', remoteAddress: request.ip, route: delivery.route });
    throw new ProblemException({ status: 403, detail: `The request is not signed by ${delivery.signer} of this tenant.` });
  }
  if (!delivery.supported) throw new UnsupportedMediaTypeException(delivery.unsupported);
  assertStorablePayload(delivery.payload);
  const correlation = CorrelationContext.current();
  if (correlation) correlation.tenantId = tenantId;
  return tenantId;
}

import type { SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';

/** The answer to a delivery of which nothing means anything to Hotline: 200, nothing stored. */
export interface IgnoredDelivery {
  accepted: [];
  ignored: string;
}

/** Answers 200 (the route's default is 202) with what was ignored: the platform needs only a 2xx. */
export function ignoredDelivery(res: Response, ignored: string): IgnoredDelivery {
  res.status(200);
  return { accepted: [], ignored };
}

/** The OpenAPI schema of an IgnoredDelivery; `ignored` says what the route puts there. */
export function ignoredDeliveryApiSchema(ignored: string): SchemaObject {
  return {
    type: 'object',
    required: ['accepted', 'ignored'],
    properties: { accepted: { type: 'array', maxItems: 0, items: { type: 'string' } }, ignored: { type: 'string', description: ignored } },
  };
}

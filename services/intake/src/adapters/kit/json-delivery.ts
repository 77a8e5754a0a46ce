import { UnsupportedMediaTypeException } from '@nestjs/common';
import { assertStorablePayload } from './storable-payload';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Whether the Content-Type is JSON (`application/json`, with or without parameters). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType);
}

/** A JSON route's first checks: 415 unless it is JSON, then the 400 for text PostgreSQL cannot keep. */
export function assertJsonDelivery(contentType: string | undefined, body: unknown): void {
  if (!isJsonContentType(contentType)) throw new UnsupportedMediaTypeException('Send application/json');
  assertStorablePayload(body);
}

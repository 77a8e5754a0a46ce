import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { bodyTooDeepProblem, exceedsJsonDepth, PROBLEM_TYPES, ProblemException } from '@hotline/platform';
import { assertStorablePayload } from '../kit/storable-payload';
import { parseJsonStream } from './json-stream';
import { readTextBody } from './text-body';

/** What a platform posted: its records, whether it sent several (errors then carry indexes), and the payload to keep. */
export interface Delivery {
  records: unknown[];
  batch: boolean;
  payload: unknown;
}

/** Most records one request may carry, like events on POST /v1/events; beyond it: 413. */
export const MAX_RECORDS_PER_REQUEST = 1000;

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const NDJSON_TYPES = /^(application\/(x-ndjson|ndjson|jsonl|x-jsonlines)|text\/plain)\s*(;|$)/i;

/**
 * Contact records or agent events as Kinesis Data Streams or Firehose carry them: one record or an
 * array of them as JSON, or newline-delimited / concatenated records as application/x-ndjson or text/plain.
 */
export async function readStreamedRecords(req: Request): Promise<Delivery> {
  const type = req.headers['content-type'] ?? '';
  if (JSON_TYPE.test(type)) return sized(fromJson(req.body));
  if (NDJSON_TYPES.test(type)) {
    const stream = parseJsonStream(await readTextBody(req));
    if (!stream.ok) {
      throw new ProblemException({
        status: 400,
        type: PROBLEM_TYPES.malformedJson,
        title: 'Malformed JSON',
        detail: 'A record of the newline-delimited body is not valid JSON.',
        errors: [{ index: stream.index, path: '', message: stream.message }],
      });
    }
    // Parsed here, not by the platform's body parser: the same depth limit applies.
    if (exceedsJsonDepth(stream.values)) throw bodyTooDeepProblem();
    return sized({ records: stream.values, batch: true, payload: stream.values });
  }
  throw new UnsupportedMediaTypeException(
    'Send application/json (a record or an array of them), or application/x-ndjson or text/plain (newline-delimited records)',
  );
}

/** Contact Lens output files: one file (or an array of files) as JSON. */
export function readContactLensFiles(req: Request): Delivery {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaTypeException('Send the Contact Lens output file as application/json');
  }
  return sized(fromJson(req.body));
}

/** EventBridge contact events: one event, or an array of them (an API destination's batch), as JSON. */
export function readContactEvents(req: Request): Delivery {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new UnsupportedMediaTypeException('Send the EventBridge event (or an array of them) as application/json');
  }
  return sized(fromJson(req.body));
}

function fromJson(body: unknown): Delivery {
  return Array.isArray(body) ? { records: body, batch: true, payload: body } : { records: [body], batch: false, payload: body };
}

/** A delivery intake can take: not too many records, and text PostgreSQL can keep. */
function sized(delivery: Delivery): Delivery {
  if (delivery.records.length > MAX_RECORDS_PER_REQUEST) {
    throw new ProblemException({
      status: 413,
      detail: `A request holds at most ${MAX_RECORDS_PER_REQUEST} records; this one has ${delivery.records.length}: split it.`,
    });
  }
  assertStorablePayload(delivery.payload);
  return delivery;
}

import type { Response } from 'express';
import type { IngestPipeline, IngestResult } from '../../ingest/ingest-pipeline';
import { type IgnoredDelivery, ignoredDelivery } from './ignored-delivery';
import { assertJsonDelivery } from './json-delivery';
import type { MappingResult } from './mapping-result';
import { unmappableProblem } from './unmappable-problem';

/**
 * What a survey platform's JSON body holds: its records (`batch` when it is a list, so errors name
 * their index), a notification of something else (ignored under `ignored`), or none of its shapes.
 */
export type SurveyDelivery =
  | { ok: true; records: unknown[]; batch: boolean }
  | { ok: true; ignored: string }
  | { ok: false; message: string };

/** One survey platform's route, posted with a Hotline API key: how its body is read and mapped. */
export interface SurveyFeed {
  /** The adapter its deliveries are kept under, e.g. `zendesk`. */
  adapter: string;
  /** What its records are called in a 422, e.g. `ratings`. */
  records: string;
  read(body: unknown): SurveyDelivery;
  map(records: readonly unknown[], batch: boolean): MappingResult;
}

export interface SurveyRequest {
  tenantId: string;
  res: Response;
  contentType: string | undefined;
  body: unknown;
}

/**
 * Takes a survey platform's JSON delivery: 415 unless JSON, 400 for unstorable text, 422 naming
 * what the body or each record lacks, 200 `{accepted: [], ignored}` when nothing is an answer yet
 * (nothing stored), else the mapped survey.completed events and the delivery as sent.
 */
export async function ingestSurveyDelivery(pipeline: IngestPipeline, feed: SurveyFeed, request: SurveyRequest): Promise<IngestResult | IgnoredDelivery> {
  const { tenantId, res, contentType, body } = request;
  assertJsonDelivery(contentType, body);
  const delivery = feed.read(body);
  if (!delivery.ok) throw unmappableProblem('the delivery', [{ path: '', message: delivery.message }]);
  if ('ignored' in delivery) return ignoredDelivery(res, delivery.ignored);
  const mapping = feed.map(delivery.records, delivery.batch);
  if (mapping.outcome === 'unmappable') throw unmappableProblem(`some ${feed.records}`, mapping.errors);
  if (mapping.outcome === 'ignored') return ignoredDelivery(res, mapping.reason);
  // An answer's id holds its time (Zendesk's updated_at, Genesys's completedDate): a re-sent one is a
  // duplicate, a changed one a new event.
  return pipeline.ingest(tenantId, mapping.events, {
    indexed: delivery.batch,
    original: { adapter: feed.adapter, payload: body },
    changedResends: 'duplicate',
  });
}

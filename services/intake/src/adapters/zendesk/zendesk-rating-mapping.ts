import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { normaliseScore, wordedScale } from '../kit/satisfaction-scale';
import type { SurveyDelivery } from '../kit/survey-delivery';

/**
 * Maps Zendesk satisfaction ratings (https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/)
 * onto `survey.completed`. Zendesk's rating is good or bad: bad → 1, good → 5, the word kept as
 * `platformScore`. A rating only offered (`offered`, `unoffered`) is no answer yet: ignored.
 *
 * The case is the ticket (`caseId` = ticket_id as text). A customer may change their rating: the
 * rating keeps its id and moves its `updated_at`, so each version is its own event
 * (`zendesk:satisfaction:<id>:<updated_at ms>`) under one `surveyId` (`zendesk:<id>`), the newest winning.
 */

const ZENDESK_SCALE = wordedScale('bad', 'good');
const NOT_ANSWERED = new Set(['offered', 'unoffered']);

/** A webhook's one rating (`{satisfaction_rating}` or the object alone), or a list response's page (`{satisfaction_ratings}`) for a backfill. */
export function readRatings(body: unknown): Exclude<SurveyDelivery, { ignored: string }> {
  if (Array.isArray(body)) return { ok: true, records: body, batch: true };
  if (isObject(body) && Array.isArray(body['satisfaction_ratings'])) return { ok: true, records: body['satisfaction_ratings'], batch: true };
  if (isObject(body) && isObject(body['satisfaction_rating'])) return { ok: true, records: [body['satisfaction_rating']], batch: false };
  if (isObject(body) && 'score' in body && 'ticket_id' in body) return { ok: true, records: [body], batch: false };
  return {
    ok: false,
    message: 'Expected a Zendesk satisfaction rating ({"satisfaction_rating": {...}} or the rating itself, with id, ticket_id and score), or a list of them ({"satisfaction_ratings": [...]})',
  };
}

export function mapRatings(ratings: readonly unknown[], batch: boolean): MappingResult {
  const result = mapEach(ratings, batch, mapRating, 'The delivery holds no rating');
  if (result.outcome !== 'mapped' || result.events.length > 0 || ratings.length === 0) return result;
  return { outcome: 'ignored', eventType: 'satisfaction_rating', reason: 'No rating has been answered yet (offered or unoffered)' };
}

function mapRating(record: unknown): MappingResult {
  if (!isObject(record)) return unmappable([notAnObject(record, 'a satisfaction rating')]);
  const reader = FieldReader.of(record, ['iso8601']);
  const id = idText(reader, 'id');
  const ticketId = idText(reader, 'ticket_id');
  const answer = reader.required('score', 'good or bad');
  const time = reader.timestamp('updated_at') ?? reader.timestamp('created_at', true);
  if (answer !== undefined && NOT_ANSWERED.has(answer.toLowerCase())) return mapped([]);
  const normalised = answer === undefined ? undefined : normaliseScore(answer, ZENDESK_SCALE);
  if (normalised && !normalised.ok) reader.fail('score', normalised.message);
  if (reader.errors.length > 0 || !id || !ticketId || !time || !normalised?.ok) return unmappable(reader.errors);
  const assignee = idText(reader, 'assignee_id', false);
  const comment = reader.string('comment');
  const event = mappedEvent(
    'survey.completed',
    { id: `zendesk:satisfaction:${id}:${Date.parse(time)}`, source: '/zendesk/satisfaction-ratings', time },
    {
      score: normalised.score,
      platformScore: normalised.platformScore,
      surveyId: `zendesk:${id}`,
      caseId: ticketId,
      comment,
      agentId: assignee,
      reason: reader.string('reason'),
    },
  );
  const errors = catalogueErrors(event, 'rating', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
}

const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  'data.caseId': 'ticket_id',
  'data.comment': 'comment',
  'data.agentId': 'assignee_id',
};

/** Zendesk's ids are integers in JSON; as text they name a case, a survey or an agent. */
function idText(reader: FieldReader, path: string, required = true): string | undefined {
  const value = reader.value(path);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  if (value !== undefined) reader.fail(path, `Expected a Zendesk id (a positive integer), got ${JSON.stringify(value).slice(0, 60)}`);
  else if (required) reader.fail(path, 'Required');
  return undefined;
}

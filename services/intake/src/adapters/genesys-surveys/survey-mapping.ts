import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { normaliseScore, numericScale } from '../kit/satisfaction-scale';
import type { SurveyDelivery } from '../kit/survey-delivery';
import { readGenesysNotification } from '../genesys/notification-envelope';

/**
 * Maps Genesys Cloud web survey results, the Survey of the Quality API
 * (`GET /api/v2/quality/surveys/{surveyId}`: id, conversation, surveyForm, agent, queue, status,
 * answers {totalScore, npsScore, questionGroupScores}, completedDate), onto `survey.completed`.
 *
 * Only a `Finished` survey is an answer: Pending, Sent, InProgress, OptOut, Error and Expired are
 * ignored. The score is the form's `totalScore` (0–100, Genesys's own weighting of the answers) put
 * on 1–5, kept as `platformScore` `{value, scale: '0-100'}`; a form with no scored question gives
 * its NPS answer instead (`npsScore`, 0–10: 0→1, 5→3, 10→5, scale `0-10`). The contact is the
 * surveyed conversation (`contactId` = conversation.id); the comment is the first free-text or
 * NPS text answer. Ids: `genesys:survey:<id>:<completedDate ms>`, `surveyId` `genesys:<id>`.
 */

const TOTAL_SCALE = numericScale(0, 100);
const NPS_SCALE = numericScale(0, 10);

/**
 * A survey, an array of them, a list page (`{entities: [...]}`), or a notification carrying one
 * (`{topicName, eventBody}`, also inside an EventBridge event's `detail`). A notification of
 * something else is ignored under its topic.
 */
export function readSurveys(body: unknown): SurveyDelivery {
  if (Array.isArray(body)) return { ok: true, records: body, batch: true };
  if (isObject(body) && Array.isArray(body['entities'])) return { ok: true, records: body['entities'], batch: true };
  const { eventBody, topic } = isObject(body) ? readGenesysNotification(FieldReader.of(body, ['iso8601'])) : { eventBody: undefined, topic: undefined };
  if (eventBody) {
    if (looksLikeSurvey(eventBody.record)) return { ok: true, records: [eventBody.record], batch: false };
    return { ok: true, ignored: topic ? topic.slice(0, 200) : 'notification' };
  }
  if (looksLikeSurvey(body)) return { ok: true, records: [body], batch: false };
  return {
    ok: false,
    message: 'Expected a Genesys Cloud survey (id, conversation, status, answers, completedDate), a list of them ({"entities": [...]}), or a notification carrying one ({"eventBody": {...}})',
  };
}

export function mapSurveys(surveys: readonly unknown[], batch: boolean): MappingResult {
  const result = mapEach(surveys, batch, mapSurvey, 'The delivery holds no survey');
  if (result.outcome !== 'mapped' || result.events.length > 0 || surveys.length === 0) return result;
  return { outcome: 'ignored', eventType: 'survey', reason: 'No survey is finished yet (pending, sent, in progress, opted out, expired or failed)' };
}

function looksLikeSurvey(value: unknown): boolean {
  return isObject(value) && 'id' in value && ('answers' in value || 'surveyForm' in value || 'status' in value);
}

function mapSurvey(record: unknown): MappingResult {
  if (!isObject(record)) return unmappable([notAnObject(record, 'a Genesys Cloud survey')]);
  const reader = FieldReader.of(record, ['iso8601']);
  const status = reader.required('status', 'the survey status, e.g. Finished');
  if (status !== undefined && status !== 'Finished') return mapped([]);
  const id = reader.required('id');
  const conversationId = reader.required('conversation.id', 'the surveyed conversation');
  const time = reader.timestamp('completedDate', true);
  const normalised = score(reader);
  if (reader.errors.length > 0 || !id || !conversationId || !time || !normalised) return unmappable(reader.errors);
  const event = mappedEvent(
    'survey.completed',
    { id: `genesys:survey:${id}:${Date.parse(time)}`, source: '/genesys/surveys', time },
    {
      score: normalised.score,
      platformScore: normalised.platformScore,
      surveyId: `genesys:${id}`,
      contactId: conversationId,
      comment: comment(reader),
      agentId: reader.string('agent.id'),
    },
  );
  const errors = catalogueErrors(event, 'survey', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
}

const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  'data.contactId': 'conversation.id',
  'data.comment': 'answers.questionGroupScores',
  'data.agentId': 'agent.id',
};

/** The form's total score (0–100), else the NPS answer (0–10), on 1–5. */
function score(reader: FieldReader) {
  const total = reader.value('answers.totalScore') !== undefined;
  const path = total ? 'answers.totalScore' : 'answers.npsScore';
  const value = reader.value(path);
  if (value === undefined) {
    reader.fail('answers', 'Required: answers.totalScore (0-100) or answers.npsScore (0-10)');
    return undefined;
  }
  // Genesys writes scores as JSON numbers; a numeric string would be some other sender's doing.
  const normalised = typeof value === 'number' ? normaliseScore(value, total ? TOTAL_SCALE : NPS_SCALE) : undefined;
  if (normalised?.ok) return normalised;
  reader.fail(path, `Expected a number from 0 to ${total ? 100 : 10}, got ${JSON.stringify(value).slice(0, 60)}`);
  return undefined;
}

/** The first free-text (or NPS text) answer of the survey's questions. */
function comment(reader: FieldReader): string | undefined {
  for (const group of reader.list('answers.questionGroupScores')) {
    for (const question of group.list('questionScores')) {
      const text = question.string('freeTextAnswer') ?? question.string('npsTextAnswer');
      if (text) return text;
    }
  }
  return undefined;
}

import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { normaliseScore, wordedScale } from '../kit/satisfaction-scale';

/**
 * Maps a Help Scout satisfaction rating, the body of the `satisfaction.ratings` webhook
 * (https://developer.helpscout.com/webhooks/objects/rating), onto `survey.completed`.
 *
 * The rating is Great, Okay or Bad (the app calls Bad "Not Good", and that word is taken too):
 * Bad → 1, Okay → 3, Great → 5, the word kept as `platformScore` on the scale `Bad/Okay/Great`.
 * The case is the rated conversation (`ticketId`). A customer may change their rating: it keeps
 * its id and moves `modifiedAt`, so each version is its own event
 * (`helpscout:rating:<id>:<modifiedAt ms>`) of one `surveyId` (`helpscout:<id>`), the newest winning.
 * The customer's name and e-mail addresses are not carried.
 */

export const HELPSCOUT_SCALE = wordedScale('Bad', 'Okay', 'Great');

/** Other spellings of the scale's words, as Help Scout's app and reports name them. */
const SYNONYMS: Readonly<Record<string, string>> = { 'not good': 'Bad', ok: 'Okay' };

export function mapHelpScoutRating(record: unknown): MappingResult {
  if (!isObject(record)) return unmappable([notAnObject(record, 'a Help Scout rating')]);
  const reader = FieldReader.of(record, ['iso8601']);
  const id = idText(reader, 'id');
  const ticketId = idText(reader, 'ticketId');
  const answer = reader.required('rating', 'Great, Okay or Bad');
  const time = reader.timestamp('modifiedAt') ?? reader.timestamp('createdAt', true);
  const normalised = answer === undefined ? undefined : normaliseScore(canonical(answer), HELPSCOUT_SCALE);
  if (normalised && !normalised.ok) reader.fail('rating', `Expected Great, Okay or Bad (or Not Good), got ${JSON.stringify(answer).slice(0, 60)}`);
  if (reader.errors.length > 0 || !id || !ticketId || !time || !normalised?.ok) return unmappable(reader.errors, 'satisfaction.ratings');
  const event = mappedEvent(
    'survey.completed',
    { id: `helpscout:rating:${id}:${Date.parse(time)}`, source: '/helpscout/satisfaction-ratings', time },
    {
      score: normalised.score,
      // The answer as Help Scout sent it, on its own scale.
      platformScore: { value: answer as string, scale: normalised.platformScore.scale },
      surveyId: `helpscout:${id}`,
      caseId: ticketId,
      comment: reader.string('comments'),
    },
  );
  const errors = catalogueErrors(event, 'rating', (path) => FIELD_OF[path]);
  return errors.length > 0 ? unmappable(errors, 'satisfaction.ratings') : mapped([event]);
}

const FIELD_OF: Readonly<Record<string, string | undefined>> = {
  'data.caseId': 'ticketId',
  'data.comment': 'comments',
};

function canonical(answer: string): string {
  return SYNONYMS[answer.trim().toLowerCase().replace(/[-_\s]+/g, ' ')] ?? answer;
}

/** Help Scout's ids are integers in JSON; as text they name a case or a survey. */
function idText(reader: FieldReader, path: string): string | undefined {
  const value = reader.value(path);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  reader.fail(path, value === undefined ? 'Required' : `Expected a Help Scout id (a positive integer), got ${JSON.stringify(value).slice(0, 60)}`);
  return undefined;
}

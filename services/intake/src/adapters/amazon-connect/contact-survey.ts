import { type FieldReader, isObject } from '../kit/field-reader';
import { type MappedEvent, mappedEvent } from '../kit/mapped-event';
import { normaliseScore, numericScale, type SatisfactionScale, wordedScale } from '../kit/satisfaction-scale';
import { AMAZON_CONNECT_SOURCE, eventId } from './connect-event';

/**
 * A post-contact survey answered in Amazon Connect: a flow (or the UpdateContactAttributes API)
 * sets contact attributes after the contact, and Connect re-delivers the contact record with them
 * and a later LastUpdateTimestamp. Which attributes hold the answer is the centre's own choice of
 * flow, so their names and scale are settings (see `contactSurveyFromEnv`).
 */
export interface ContactSurveySettings {
  /** Attributes that may hold the score, first present wins. */
  scoreAttributes: readonly string[];
  /** The attribute holding the customer's comment, if any. */
  commentAttribute?: string;
  scale: SatisfactionScale;
}

/** Nest token of the settings read at startup (`contactSurveyFromEnv`). */
export const CONTACT_SURVEY = Symbol('CONTACT_SURVEY');

export const DEFAULT_CONTACT_SURVEY: ContactSurveySettings = {
  scoreAttributes: ['csat', 'surveyScore'],
  commentAttribute: 'surveyComment',
  scale: numericScale(1, 5),
};

/**
 * The settings from the environment, defaults where unset:
 * INTAKE_CONNECT_SURVEY_SCORE_ATTRIBUTES (comma-separated, default `csat,surveyScore`),
 * INTAKE_CONNECT_SURVEY_SCALE (`min-max`, e.g. `0-10`, or answers worst to best, e.g. `bad/okay/good`; default `1-5`),
 * INTAKE_CONNECT_SURVEY_COMMENT_ATTRIBUTE (default `surveyComment`; empty for none). A setting that reads as nothing stops startup.
 */
export function contactSurveyFromEnv(env: Record<string, string | undefined> = process.env): ContactSurveySettings {
  const names = env['INTAKE_CONNECT_SURVEY_SCORE_ATTRIBUTES'];
  const scale = env['INTAKE_CONNECT_SURVEY_SCALE'];
  const comment = env['INTAKE_CONNECT_SURVEY_COMMENT_ATTRIBUTE'];
  const scoreAttributes = names === undefined ? DEFAULT_CONTACT_SURVEY.scoreAttributes : names.split(',').map((n) => n.trim()).filter(Boolean);
  if (scoreAttributes.length === 0) throw new Error('INTAKE_CONNECT_SURVEY_SCORE_ATTRIBUTES names no attribute');
  return {
    scoreAttributes,
    commentAttribute: comment === undefined ? DEFAULT_CONTACT_SURVEY.commentAttribute : comment.trim() || undefined,
    scale: scale === undefined ? DEFAULT_CONTACT_SURVEY.scale : scaleOf(scale),
  };
}

function scaleOf(setting: string): SatisfactionScale {
  const numeric = /^\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*$/.exec(setting);
  try {
    return numeric ? numericScale(Number(numeric[1]), Number(numeric[2])) : wordedScale(...setting.split('/').map((w) => w.trim()).filter(Boolean));
  } catch (error) {
    throw new Error(`INTAKE_CONNECT_SURVEY_SCALE '${setting}': ${(error as Error).message} (e.g. 1-5, 0-10 or bad/okay/good)`);
  }
}

/**
 * The record's survey answer as survey.completed, or none when no score attribute is set. It is
 * timed when Connect last updated the record (the attributes' arrival), else at the disconnect, and
 * each record version is its own event (`amazon-connect:<ContactId>:survey:<that time in ms>`) under
 * one `surveyId` (`amazon-connect:<ContactId>:survey`): a re-send of the same version is a duplicate,
 * a changed answer in a newer record is a new event that replaces the older one (newest wins).
 */
export function contactSurveyOf(r: FieldReader, contactId: string | undefined, settings: ContactSurveySettings): MappedEvent<'survey.completed'> | undefined {
  // Attribute names are the flow's own words (dots included): read them as keys, not as paths.
  const attributes = r.value('Attributes');
  if (!isObject(attributes)) return undefined;
  const name = settings.scoreAttributes.find((n) => answered(attributes[n]));
  if (name === undefined) return undefined;
  const normalised = normaliseScore(attributes[name], settings.scale);
  if (!normalised.ok) r.fail(`Attributes.${name}`, normalised.message);
  const time = r.timestamp('LastUpdateTimestamp') ?? r.timestamp('DisconnectTimestamp');
  if (!time) r.fail('LastUpdateTimestamp', 'Required: when the survey answer was recorded (or DisconnectTimestamp)');
  if (!normalised.ok || !time || !contactId) return undefined;
  const comment = settings.commentAttribute === undefined ? undefined : attributes[settings.commentAttribute];
  const surveyId = eventId(contactId, 'survey');
  return mappedEvent('survey.completed', { id: `${surveyId}:${Date.parse(time)}`, source: AMAZON_CONNECT_SOURCE, time }, {
    score: normalised.score,
    platformScore: normalised.platformScore,
    surveyId,
    contactId,
    comment: typeof comment === 'string' && comment.trim() !== '' ? comment.trim() : undefined,
  });
}

/** A flow writes every attribute as text; blank means unanswered. */
function answered(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

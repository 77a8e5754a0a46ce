import type { EventDataInput } from '@hotline/contracts';
import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope, eventId } from './connect-event';
import { type AnalysisObjectKey, parseAnalysisObjectKey, recordingTimeOf } from './contact-lens-object-key';

/*
 * Contact Lens conversational analytics output files (the JSON Contact Lens writes to the
 * instance's S3 bucket after a call or a chat) mapped onto transcript.recorded. Shapes: Amazon
 * Connect Administrator Guide, "Example Contact Lens output files for a call" and "... for a chat".
 * A call's turns carry BeginOffsetMillis/EndOffsetMillis; a chat's carry AbsoluteTime (ISO 8601)
 * and their own ParticipantRole. Older call files use ParticipantId AGENT/CUSTOMER directly; newer
 * ones use participant UUIDs resolved through Participants[].ParticipantRole; redacted chat files
 * drop the role from Participants but keep it on each turn. A redacted file says so in
 * ContentMetadata.Output and marks each redaction of a call's turn in Redaction.RedactedTimestamps.
 */

const ROLES: Readonly<Record<string, 'agent' | 'customer'>> = { AGENT: 'agent', CUSTOMER: 'customer' };

/** A transcript segment as the catalogue defines it. */
type Segment = EventDataInput<'transcript.recorded'>['segments'][number];

/** Where a delivered file came from: its S3 object key, when the delivery pipeline passes it on. */
export interface ContactLensDelivery {
  receivedAt: string;
  objectKey?: string;
}

/** Maps each output file; any unmappable file makes the delivery unmappable. */
export function mapContactLensFiles(files: readonly unknown[], delivery: ContactLensDelivery, batch = true): MappingResult {
  return mapEach(files, batch, (file) => mapContactLensFile(file, delivery), 'The delivery holds no Contact Lens output file');
}

const ORIGINAL = 'transcript';
const REDACTED = 'transcript-redacted';

/** The id of the redacted copy of an original analysis's transcript event; undefined for any other event. */
export function redactedCopyOf(event: { id: string; type: string }): string | undefined {
  return event.type === 'transcript.recorded' && event.id.endsWith(`:${ORIGINAL}`) ? `${event.id.slice(0, -ORIGINAL.length)}${REDACTED}` : undefined;
}

/**
 * One output file → one transcript.recorded. The original and the redacted file of a contact get
 * ids of their own (`amazon-connect:<ContactId>:transcript` and `…:transcript-redacted`, so a file
 * sent twice yields one event), and the redacted one says it supersedes the original: consumers
 * keep the redacted words whichever file arrives first. Only the agent's and the customer's words
 * are segments: SYSTEM messages (flow prompts, bots) and chat events without text (joined, left,
 * typing) are neither. Its time is the contact's: a chat's last turn, a call's recording time
 * (named in CustomerMetadata.InputS3Uri), else when the analysis was written, else when received.
 */
export function mapContactLensFile(value: unknown, delivery: ContactLensDelivery): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'a Contact Lens output file')]);
  const r = FieldReader.of(value, ['iso8601']);
  const key = objectKeyOf(r, delivery.objectKey);

  const contactId = contactIdOf(r, key);
  const status = r.string('JobStatus');
  if (status !== undefined && status !== 'COMPLETED') r.fail('JobStatus', `The analysis is ${status}, not COMPLETED: it has no transcript`);
  const language = languageOf(r);
  const turns = r.value('Transcript');
  if (!Array.isArray(turns)) r.fail('Transcript', 'Required: the turns of the conversation (an array)');
  const transcript = Array.isArray(turns) ? readTranscript(r, turns) : undefined;
  const categories = categoriesOf(r);
  if (r.errors.length > 0 || !contactId || !transcript || !language) return unmappable(r.errors);

  const redacted = r.string('ContentMetadata.Output') === 'Redacted' || key?.redacted === true;
  const time = transcript.lastTurnAt ?? recordingTimeOf(r.string('CustomerMetadata.InputS3Uri')) ?? key?.analysedAt ?? delivery.receivedAt;
  const event = mappedEvent('transcript.recorded', envelope(contactId, redacted ? REDACTED : ORIGINAL, time), {
    contactId,
    language,
    segments: transcript.segments,
    ...(redacted ? { platformRedacted: true, supersedes: eventId(contactId, ORIGINAL) } : {}),
    ...(categories.length > 0 ? { categories } : {}),
  });
  const errors = catalogueErrors(event, 'record', (path) => {
    const segment = /^data\.segments\.(\d+)\.(\w+)$/.exec(path);
    if (segment) return `Transcript.${transcript.turnIndexes[Number(segment[1])]}${SEGMENT_SOURCES[segment[2]] ?? ''}`;
    return { id: 'CustomerMetadata.ContactId', 'data.contactId': 'CustomerMetadata.ContactId', 'data.segments': 'Transcript', 'data.categories': 'Categories' }[path] ?? '';
  });
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
}

/** The delivery's object key, read; a key that names no analysis file is refused rather than ignored. */
function objectKeyOf(r: FieldReader, objectKey: string | undefined): AnalysisObjectKey | undefined {
  if (objectKey === undefined) return undefined;
  const key = parseAnalysisObjectKey(objectKey);
  if (!key) r.fail('objectKey', `'${objectKey.slice(0, 200)}' is not a Contact Lens analysis key (…/<contactId>_analysis[_redacted]_<time>.json)`);
  return key;
}

/** The contact from the file, or from its object key; the two must agree. */
function contactIdOf(r: FieldReader, key: AnalysisObjectKey | undefined): string | undefined {
  const inFile = r.string('CustomerMetadata.ContactId');
  if (inFile !== undefined && key !== undefined && inFile !== key.contactId) {
    r.fail('CustomerMetadata.ContactId', `'${inFile}' is not the contact the object key names ('${key.contactId}')`);
    return undefined;
  }
  if (inFile !== undefined || key !== undefined) return inFile ?? key?.contactId;
  return r.required('CustomerMetadata.ContactId', 'the contact the analysis is about, or the S3 key of the file as the objectKey query parameter');
}

/** Categories.MatchedCategories with their points of interest from MatchedDetails. */
function categoriesOf(r: FieldReader): { name: string; pointsOfInterest?: { beginOffsetMs: number; endOffsetMs: number }[] }[] {
  const matched = r.value('Categories.MatchedCategories');
  if (!Array.isArray(matched)) return [];
  return matched.flatMap((name, i) => {
    if (typeof name !== 'string') {
      r.fail(`Categories.MatchedCategories.${i}`, `Expected a category name, got ${JSON.stringify(name)}`);
      return [];
    }
    const points = spansOf(r, `Categories.MatchedDetails.${name}.PointsOfInterest`);
    return [points.length > 0 ? { name, pointsOfInterest: points } : { name }];
  });
}

/** An array of {BeginOffsetMillis, EndOffsetMillis} as offset spans; nothing when absent. */
function spansOf(r: FieldReader, at: string): { beginOffsetMs: number; endOffsetMs: number }[] {
  const spans = r.value(at);
  if (!Array.isArray(spans)) return [];
  return spans.flatMap((_, i) => {
    const begin = r.amount(`${at}.${i}.BeginOffsetMillis`);
    const end = r.amount(`${at}.${i}.EndOffsetMillis`);
    return begin === undefined || end === undefined ? [] : [{ beginOffsetMs: begin, endOffsetMs: end }];
  });
}

const SEGMENT_SOURCES: Readonly<Record<string, string>> = {
  text: '.Content',
  beginOffsetMs: '.BeginOffsetMillis',
  endOffsetMs: '.EndOffsetMillis',
};

/** `zh-CN`, `zh-TW`, `en-US`, `en-GB`, … → zh or en, the languages Hotline's standards cover. */
function languageOf(r: FieldReader): 'zh' | 'en' | undefined {
  const code = r.required('LanguageCode', 'the language of the conversation, e.g. zh-CN or en-US');
  if (code === undefined) return undefined;
  const language = /^(zh|en)(?:[-_]|$)/i.exec(code)?.[1]?.toLowerCase();
  if (language === 'zh' || language === 'en') return language;
  r.fail('LanguageCode', `Unsupported language '${code}': Hotline takes Chinese (zh-*) and English (en-*) transcripts`);
  return undefined;
}

function readTranscript(
  r: FieldReader,
  turns: readonly unknown[],
): { segments: Segment[]; turnIndexes: number[]; lastTurnAt?: string } | undefined {
  const roles = participantRoles(r);
  // A chat's turns are clock times; offsets count from its first turn (usually the customer joining).
  const times = turns.map((_, i) => r.timestamp(`Transcript.${i}.AbsoluteTime`));
  const clock = times.filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  const start = clock.length > 0 ? Math.min(...clock) : undefined;
  const segments: Segment[] = [];
  const turnIndexes: number[] = [];
  turns.forEach((_, i) => {
    const segment = readTurn(r, `Transcript.${i}`, roles, times[i], start);
    if (segment) {
      segments.push(segment);
      turnIndexes.push(i);
    }
  });
  if (r.errors.length > 0) return undefined;
  return { segments, turnIndexes, lastTurnAt: clock.length > 0 ? new Date(Math.max(...clock)).toISOString() : undefined };
}

/** One turn as a segment; undefined for a turn that is not the agent's or the customer's words. */
function readTurn(r: FieldReader, at: string, roles: ReadonlyMap<string, string>, time: string | undefined, start: number | undefined): Segment | undefined {
  if (!isObject(r.value(at))) {
    r.fail(at, 'Expected a turn (a JSON object)');
    return undefined;
  }
  const text = r.value(`${at}.Content`);
  if (text === undefined) return undefined; // a chat event (joined, left, typing) or an attachment: no words
  if (typeof text !== 'string') {
    r.fail(`${at}.Content`, `Expected a string, got ${JSON.stringify(text)}`);
    return undefined;
  }
  const participant = r.string(`${at}.ParticipantId`);
  const role = r.string(`${at}.ParticipantRole`) ?? (participant === undefined ? undefined : roles.get(participant));
  if (role === undefined) {
    const why = participant === undefined ? 'who spoke' : `'${participant}' has no ParticipantRole in Participants`;
    r.fail(`${at}.ParticipantId`, `Required: ${why}, to tell the agent's words from the customer's`);
    return undefined;
  }
  if (!ROLES[role]) return undefined; // SYSTEM (flow prompts, bots) is neither the agent nor the customer
  const offsets = offsetsOf(r, at, time, start);
  const redactions = spansOf(r, `${at}.Redaction.RedactedTimestamps`);
  return offsets && { role: ROLES[role], text, ...offsets, ...(redactions.length > 0 ? { platformRedactions: redactions } : {}) };
}

/** ParticipantId → ParticipantRole, from the file's Participants. */
function participantRoles(r: FieldReader): Map<string, string> {
  const participants = r.value('Participants');
  const roles = new Map<string, string>();
  if (!Array.isArray(participants)) return roles;
  participants.forEach((_, i) => {
    const id = r.string(`Participants.${i}.ParticipantId`);
    const role = r.string(`Participants.${i}.ParticipantRole`);
    if (id !== undefined && role !== undefined) roles.set(id, role);
  });
  return roles;
}

function offsetsOf(r: FieldReader, at: string, time: string | undefined, start: number | undefined): Pick<Segment, 'beginOffsetMs' | 'endOffsetMs'> | undefined {
  const begin = r.amount(`${at}.BeginOffsetMillis`);
  const end = r.amount(`${at}.EndOffsetMillis`);
  if (begin !== undefined && end !== undefined) return { beginOffsetMs: begin, endOffsetMs: end };
  if (time !== undefined && start !== undefined) {
    const offset = Date.parse(time) - start;
    return { beginOffsetMs: offset, endOffsetMs: offset };
  }
  if (r.value(`${at}.AbsoluteTime`) === undefined) {
    r.fail(at, 'Required: BeginOffsetMillis and EndOffsetMillis (a call) or AbsoluteTime (a chat)');
  }
  return undefined;
}

import type { EventDataInput } from '@hotline/contracts';
import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope } from './connect-event';

/*
 * Contact Lens conversational analytics output files (the JSON Contact Lens writes to the
 * instance's S3 bucket after a call or a chat) mapped onto transcript.recorded. Shapes: Amazon
 * Connect Administrator Guide, "Example Contact Lens output files for a call" and "... for a chat".
 * A call's turns carry BeginOffsetMillis/EndOffsetMillis; a chat's carry AbsoluteTime (ISO 8601)
 * and their own ParticipantRole. Older call files use ParticipantId AGENT/CUSTOMER directly; newer
 * ones use participant UUIDs resolved through Participants[].ParticipantRole; redacted chat files
 * drop the role from Participants but keep it on each turn.
 */

const ROLES: Readonly<Record<string, 'agent' | 'customer'>> = { AGENT: 'agent', CUSTOMER: 'customer' };

/** A transcript segment as the catalogue defines it. */
type Segment = EventDataInput<'transcript.recorded'>['segments'][number];

/** Maps each output file; any unmappable file makes the delivery unmappable. */
export function mapContactLensFiles(files: readonly unknown[], receivedAt: string, batch = true): MappingResult {
  return mapEach(files, batch, (file) => mapContactLensFile(file, receivedAt), 'The delivery holds no Contact Lens output file');
}

/**
 * One output file → one transcript.recorded with id `amazon-connect:<ContactId>:transcript`, so
 * the original and the redacted file of a contact (or a file sent twice) yield one transcript.
 * Only the agent's and the customer's words are segments: SYSTEM messages (flow prompts, bots)
 * and chat events without text (joined, left, typing) are neither. Its time is the chat's last
 * turn; a call's file has no clock time, so it is when intake received the file.
 */
export function mapContactLensFile(value: unknown, receivedAt: string): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'a Contact Lens output file')]);
  const r = FieldReader.of(value, ['iso8601']);

  const contactId = r.required('CustomerMetadata.ContactId', 'the contact the analysis is about');
  const status = r.string('JobStatus');
  if (status !== undefined && status !== 'COMPLETED') r.fail('JobStatus', `The analysis is ${status}, not COMPLETED: it has no transcript`);
  const language = languageOf(r);
  const turns = r.value('Transcript');
  if (!Array.isArray(turns)) r.fail('Transcript', 'Required: the turns of the conversation (an array)');
  const transcript = Array.isArray(turns) ? readTranscript(r, turns) : undefined;
  if (r.errors.length > 0 || !contactId || !transcript || !language) return unmappable(r.errors);

  const event = mappedEvent('transcript.recorded', envelope(contactId, 'transcript', transcript.lastTurnAt ?? receivedAt), {
    contactId,
    language,
    segments: transcript.segments,
  });
  const errors = catalogueErrors(event, 'record', (path) => {
    const segment = /^data\.segments\.(\d+)\.(\w+)$/.exec(path);
    if (segment) return `Transcript.${transcript.turnIndexes[Number(segment[1])]}${SEGMENT_SOURCES[segment[2]] ?? ''}`;
    return { id: 'CustomerMetadata.ContactId', 'data.contactId': 'CustomerMetadata.ContactId', 'data.segments': 'Transcript' }[path] ?? '';
  });
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
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
  return offsets && { role: ROLES[role], text, ...offsets };
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

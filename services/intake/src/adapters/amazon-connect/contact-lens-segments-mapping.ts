import { createHash } from 'node:crypto';
import type { EventDataInput } from '@hotline/contracts';
import { catalogueErrors } from '../kit/catalogue-errors';
import { FieldReader, isObject, notAnObject } from '../kit/field-reader';
import { mappedEvent } from '../kit/mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from '../kit/mapping-result';
import { envelope, eventId } from './connect-event';

/*
 * Contact Lens real-time analysis, as its contact analysis segment streams write it to Kinesis
 * (Amazon Connect Administrator Guide, "Data model for conversational analytics segment streams"
 * for voice, Version 1.0.0, `EventType`; "... to analyze chats", Version 2.0.0,
 * `StreamingEventType`, with "Sample ... segment stream" examples of both), or a page of
 * ListRealtimeContactAnalysisSegments (`{Segments}`) with the ContactId and LanguageCode added by
 * whoever polls it. Mapped onto transcript.segmented.
 *
 * Intake keeps no state for a live contact: each SEGMENTS event that holds final words (`Transcript`
 * segments) or matched categories becomes one transcript.segmented, its id made of the contact
 * and a digest of the segment ids it carries, so the same stream record delivered again (Kinesis
 * delivers at least once) is a duplicate. The whole transcript is still the post-call file's
 * transcript.recorded: a live event is never scored as a contact's transcript.
 *
 * Mapped: `Transcript` (the agent's and the customer's final words; SYSTEM, bots and supervisors are
 * neither), `Categories` (names, with their points of interest where the voice stream gives
 * milliseconds). Ignored: STARTED, COMPLETED and FAILED events (no words), `Utterance` (partial
 * words that a `Transcript` with their TranscriptId later replaces), `Issues`, chat `Event`s and
 * `Attachments`, `PostContactSummary`, and segment types Contact Lens adds later.
 */

const STREAM_EVENT_TYPES = new Set(['STARTED', 'SEGMENTS', 'COMPLETED', 'FAILED']);
const CHANNELS = new Set(['VOICE', 'CHAT']);
const ROLES: Readonly<Record<string, 'agent' | 'customer'>> = { AGENT: 'agent', CUSTOMER: 'customer' };
const RAW = 'segments';
const REDACTED = 'segments-redacted';

type Data = EventDataInput<'transcript.segmented'>;
type Segment = Data['segments'][number];
type Category = NonNullable<Data['categories']>[number];

/** Maps every stream event of a delivery; a delivery with nothing to map is ignored (200). */
export function mapContactLensSegmentEvents(records: readonly unknown[], receivedAt: string, batch = true): MappingResult {
  const result = mapEach(records, batch, (record) => mapContactLensSegmentEvent(record, receivedAt), 'The delivery holds no segment stream event');
  if (result.outcome !== 'mapped' || result.events.length > 0) return result;
  return {
    outcome: 'ignored',
    eventType: 'contact-lens-segments',
    reason: 'No final transcript segment or matched category: STARTED, COMPLETED and FAILED events, partial utterances, issues, chat events, attachments and summaries add nothing',
  };
}

/** The id of the redacted copy of a raw delivery of the same segments; undefined for any other event. */
export function redactedSegmentsOf(event: { id: string; type: string }): string | undefined {
  const raw = /^(.*):segments:([0-9a-f]+)$/.exec(event.id);
  return event.type === 'transcript.segmented' && raw ? `${raw[1]}:${REDACTED}:${raw[2]}` : undefined;
}

/**
 * One stream event → at most one transcript.segmented. A chat stream with output RedactedAndRaw
 * sends each batch twice, raw and redacted, with the same segment ids: the redacted one
 * (`…:segments-redacted:<digest>`) supersedes the raw one (`…:segments:<digest>`), whichever arrives first.
 */
export function mapContactLensSegmentEvent(value: unknown, receivedAt: string): MappingResult {
  if (!isObject(value)) return unmappable([notAnObject(value, 'a Contact Lens segment stream event')]);
  const r = FieldReader.of(value, ['iso8601']);
  const typePath = r.has('StreamingEventType') ? 'StreamingEventType' : 'EventType';
  const type = r.string(typePath) ?? (Array.isArray(r.value('Segments')) ? 'SEGMENTS' : undefined);
  if (type === undefined) {
    r.fail('EventType', 'Required: STARTED, SEGMENTS, COMPLETED or FAILED (StreamingEventType in a chat stream), or the Segments of a ListRealtimeContactAnalysisSegments page');
  } else if (!STREAM_EVENT_TYPES.has(type)) {
    r.fail(typePath, `Unknown stream event '${type}': expected STARTED, SEGMENTS, COMPLETED or FAILED`);
  }
  if (r.errors.length > 0) return unmappable(r.errors);
  if (type !== 'SEGMENTS') return mapped([]);

  const contactId = r.required('ContactId', 'the contact being analysed');
  const channel = r.string('Channel');
  if (channel !== undefined && !CHANNELS.has(channel)) r.fail('Channel', `Unknown channel '${channel}': Contact Lens analyses VOICE and CHAT contacts`);
  const language = languageOf(r);
  const segmentList = r.value('Segments');
  if (!Array.isArray(segmentList)) r.fail('Segments', 'Required: the analysed segments (an array)');
  const read = Array.isArray(segmentList) ? readSegments(r) : undefined;
  if (r.errors.length > 0 || !contactId || !language || !read) return unmappable(r.errors);
  if (read.segments.length === 0 && read.categories.length === 0) return mapped([]);

  const redacted = r.string('OutputType') === 'Redacted';
  const digest = digestOf(read.segments.length > 0 ? read.segments.map((s) => s.segmentId) : read.categories.map((c) => `category:${c.name}`));
  const times = read.segments.flatMap((s) => (s.at === undefined ? [] : [Date.parse(s.at)]));
  // A chat's batch is timed at its last message; a call's segments carry only offsets: it is live, so when received.
  const time = times.length > 0 ? new Date(Math.max(...times)).toISOString() : receivedAt;
  const event = mappedEvent('transcript.segmented', envelope(contactId, `${redacted ? REDACTED : RAW}:${digest}`, time), {
    contactId,
    language,
    segments: read.segments,
    ...(redacted ? { platformRedacted: true, supersedes: eventId(contactId, `${RAW}:${digest}`) } : {}),
    ...(read.categories.length > 0 ? { categories: read.categories } : {}),
  });
  const errors = catalogueErrors(event, 'stream event', (path) => {
    const segment = /^data\.segments\.(\d+)(?:\.(\w+))?/.exec(path);
    if (segment) return `Segments[${read.segmentIndexes[Number(segment[1])]}].Transcript${segment[2] ? `.${SEGMENT_SOURCES[segment[2]] ?? segment[2]}` : ''}`;
    return { id: 'ContactId', 'data.contactId': 'ContactId', 'data.categories': 'Segments' }[path];
  });
  return errors.length > 0 ? unmappable(errors) : mapped([event]);
}

const SEGMENT_SOURCES: Readonly<Record<string, string>> = {
  segmentId: 'Id',
  text: 'Content',
  beginOffsetMs: 'BeginOffsetMillis',
  endOffsetMs: 'EndOffsetMillis',
  at: 'Time.AbsoluteTime',
  sentiment: 'Sentiment',
};

/** A voice stream's LanguageCode, a chat stream's StreamingSettings.LanguageCode → zh or en. */
function languageOf(r: FieldReader): 'zh' | 'en' | undefined {
  const path = r.has('StreamingSettings') ? 'StreamingSettings.LanguageCode' : 'LanguageCode';
  const code = r.required(path, 'the language of the contact, e.g. zh-CN or en-US');
  if (code === undefined) return undefined;
  const language = /^(zh|en)(?:[-_]|$)/i.exec(code)?.[1]?.toLowerCase();
  if (language === 'zh' || language === 'en') return language;
  r.fail(path, `Unsupported language '${code}': Hotline takes Chinese (zh-*) and English (en-*) transcripts`);
  return undefined;
}

function readSegments(r: FieldReader): { segments: Segment[]; segmentIndexes: number[]; categories: Category[] } {
  const segments: Segment[] = [];
  const segmentIndexes: number[] = [];
  const categories: Category[] = [];
  r.list('Segments').forEach((segment, i) => {
    const transcript = segment.at('Transcript');
    if (transcript) {
      const read = readTranscript(transcript);
      if (read) {
        segments.push(read);
        segmentIndexes.push(i);
      }
    }
    const matched = segment.at('Categories');
    if (matched) categories.push(...readCategories(matched));
  });
  return { segments, segmentIndexes, categories: uniqueByName(categories) };
}

/** A final Transcript segment; undefined for words that are neither the agent's nor the customer's. */
function readTranscript(t: FieldReader): Segment | undefined {
  const role = t.required('ParticipantRole', "who spoke (AGENT, CUSTOMER, …), to tell the agent's words from the customer's");
  if (role !== undefined && !ROLES[role]) return undefined; // SYSTEM, CUSTOM_BOT, SUPERVISOR
  const segmentId = t.required('Id', "the segment's id");
  const text = t.value('Content');
  if (typeof text !== 'string') t.fail('Content', text === undefined ? 'Required: the words' : `Expected a string, got ${JSON.stringify(text)}`);
  const begin = t.amount('BeginOffsetMillis');
  const end = t.amount('EndOffsetMillis');
  const at = t.timestamp('Time.AbsoluteTime');
  const offsets = begin !== undefined && end !== undefined ? { beginOffsetMs: begin, endOffsetMs: end } : undefined;
  if (!offsets && !at) t.fail('BeginOffsetMillis', 'Required: BeginOffsetMillis and EndOffsetMillis (a call) or Time.AbsoluteTime (a chat)');
  if (role === undefined || segmentId === undefined || typeof text !== 'string' || (!offsets && !at)) return undefined;
  const redactedSpans = spansOf(t, 'Redaction.RedactedTimestamps', 'BeginOffsetMillis', 'EndOffsetMillis').map(([b, e]) => ({ beginOffsetMs: b, endOffsetMs: e }));
  const redactedChars = spansOf(t, 'Redaction.CharacterOffsets', 'BeginOffsetChar', 'EndOffsetChar').map(([b, e]) => ({ beginOffsetChar: b, endOffsetChar: e }));
  return {
    segmentId,
    role: ROLES[role],
    text,
    ...(offsets ?? { at }),
    ...(t.string('Sentiment') === undefined ? {} : { sentiment: t.string('Sentiment') }),
    ...(redactedSpans.length > 0 ? { platformRedactions: redactedSpans } : {}),
    ...(redactedChars.length > 0 ? { platformRedactedCharacters: redactedChars } : {}),
  };
}

/**
 * MatchedCategories (the voice stream; a chat's names are the keys of MatchedDetails), each with
 * its points of interest in milliseconds where it has them (a chat's are characters of messages: name only).
 */
function readCategories(c: FieldReader): Category[] {
  const details = c.value('MatchedDetails');
  const listed = c.value('MatchedCategories');
  if (listed !== undefined && !Array.isArray(listed)) c.fail('MatchedCategories', 'Expected an array of category names');
  const names = Array.isArray(listed) ? listed : isObject(details) ? Object.keys(details) : [];
  return names.flatMap((name, i) => {
    if (typeof name !== 'string' || name.trim() === '') {
      c.fail(`MatchedCategories.${i}`, `Expected a category name, got ${JSON.stringify(name)}`);
      return [];
    }
    // Category names are the platform's own words (dots, spaces): read them as keys, not as paths.
    const points = isObject(details) && isObject(details[name]) ? details[name]['PointsOfInterest'] : undefined;
    const spans = Array.isArray(points)
      ? points.flatMap((p) =>
          isObject(p) && typeof p['BeginOffsetMillis'] === 'number' && typeof p['EndOffsetMillis'] === 'number'
            ? [{ beginOffsetMs: p['BeginOffsetMillis'], endOffsetMs: p['EndOffsetMillis'] }]
            : [],
        )
      : [];
    return [spans.length > 0 ? { name, pointsOfInterest: spans } : { name }];
  });
}

/** A stream event lists a category once; two Categories segments naming it keep the first. */
function uniqueByName(categories: Category[]): Category[] {
  return categories.filter((category, i) => categories.findIndex((other) => other.name === category.name) === i);
}

/** An optional array of {begin, end} numbers at `path`, as pairs; a malformed entry is an error. */
function spansOf(t: FieldReader, path: string, begin: string, end: string): Array<[number, number]> {
  const list = t.value(path);
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    t.fail(path, 'Expected an array');
    return [];
  }
  return list.flatMap((_, i): Array<[number, number]> => {
    const b = t.amount(`${path}.${i}.${begin}`);
    const e = t.amount(`${path}.${i}.${end}`);
    if (b === undefined || e === undefined) {
      t.fail(`${path}.${i}`, `Required: ${begin} and ${end}`);
      return [];
    }
    return [[b, e]];
  });
}

/** 16 hex digits of SHA-256 over the ids, in order: the same batch always has the same digest. */
function digestOf(ids: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(ids)).digest('hex').slice(0, 16);
}

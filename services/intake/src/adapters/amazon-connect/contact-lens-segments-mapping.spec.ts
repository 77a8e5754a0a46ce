import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorsOf, eventsOf } from '../kit/mapping-result';
import { mapContactLensSegmentEvent, mapContactLensSegmentEvents, redactedSegmentsOf } from './contact-lens-segments-mapping';

type StreamEvent = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Fresh copies of a segment stream fixture (shaped like the documented samples): its stream events in order. */
const stream = (name: string): StreamEvent[] =>
  JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/amazon-connect', `${name}.json`), 'utf8'));

const RECEIVED_AT = '2026-11-25T02:00:00.000Z';
const VOICE = 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140';
const CHAT = 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d';
const map = (event: unknown) => {
  const result = mapContactLensSegmentEvent(event, RECEIVED_AT);
  return { events: eventsOf(result), errors: errorsOf(result).map(({ path, message }) => ({ path, message })) };
};

describe('mapContactLensSegmentEvent', () => {
  it("maps a call's SEGMENTS event onto transcript.segmented: final words with their ids, offsets, sentiment and redaction spans, and the categories", () => {
    const [, segments] = stream('contact-lens-realtime-voice');
    const { events, errors } = map(segments);
    expect(errors).toEqual([]);
    expect(events).toEqual([
      {
        id: expect.stringMatching(new RegExp(`^amazon-connect:${VOICE}:segments:[0-9a-f]{16}$`)),
        source: '/amazon-connect',
        type: 'transcript.segmented',
        time: RECEIVED_AT, // a call's segments carry offsets only: live, so timed when received
        data: {
          contactId: VOICE,
          language: 'en',
          segments: [
            {
              segmentId: '7e8f9a0b-1c2d-4e3f-a4b5-c6d7e8f9a0b1',
              role: 'agent',
              text: 'Hello, thank you for calling Example Corp. My name is Adam. How can I help you?',
              beginOffsetMs: 19010,
              endOffsetMs: 24598,
              sentiment: 'NEUTRAL',
            },
            {
              segmentId: '8f9a0b1c-2d3e-4f40-b5c6-d7e8f9a0b1c2',
              role: 'customer',
              text: "I'm having trouble submitting the application, number [PII] on the portal. So, I'm calling on this toll free number",
              beginOffsetMs: 25010,
              endOffsetMs: 31690,
              sentiment: 'NEGATIVE',
              platformRedactions: [{ beginOffsetMs: 28120, endOffsetMs: 29350 }],
            },
          ],
          categories: [
            { name: 'ApplicationTrouble', pointsOfInterest: [{ beginOffsetMs: 25010, endOffsetMs: 31690 }] },
            { name: 'CallerFrustrated', pointsOfInterest: [{ beginOffsetMs: 25010, endOffsetMs: 27000 }] },
          ],
        },
      },
    ]);
  });

  it('gives the same stream record the same id whenever it is delivered, and another batch another id', () => {
    const [, first, second] = stream('contact-lens-realtime-voice');
    const again = map(structuredClone(first)).events[0];
    expect(map(first).events[0].id).toBe(again.id);
    second.Segments.push(first.Segments[2]);
    expect(map(second).events[0].id).not.toBe(again.id);
  });

  it('maps a chat (stream version 2) timed at its last message, its redactions in characters; the redacted copy supersedes the raw one', () => {
    const [raw, redacted] = stream('contact-lens-realtime-chat');
    const rawEvent = map(raw).events[0];
    const { events, errors } = map(redacted);
    expect(errors).toEqual([]);
    expect(rawEvent.id).toMatch(new RegExp(`^amazon-connect:${CHAT}:segments:[0-9a-f]{16}$`));
    expect(redactedSegmentsOf(rawEvent)).toBe(events[0].id);
    expect(redactedSegmentsOf(events[0])).toBeUndefined();
    expect(events[0]).toMatchObject({
      id: rawEvent.id.replace(':segments:', ':segments-redacted:'),
      time: '2026-11-25T03:39:41.203Z',
      data: {
        contactId: CHAT,
        language: 'en',
        platformRedacted: true,
        supersedes: rawEvent.id,
        categories: [{ name: 'BankAccount' }], // a chat's points of interest are characters of messages: the name only
        segments: [
          {
            segmentId: '07a2d668-5c9e-4f69-b2fe-986261b0743a',
            role: 'agent',
            text: 'Hello, thank you for contacting Example Corp. My name is [PII].',
            at: '2026-11-25T03:39:26.715Z',
            platformRedactedCharacters: [{ beginOffsetChar: 57, endOffsetChar: 62 }],
          },
          {
            segmentId: '0e5574a7-2aeb-4eab-8bb5-3a7f66a2284a',
            role: 'customer',
            text: 'Hi, I have an issue with my bank account [PII]',
            at: '2026-11-25T03:39:41.203Z',
            platformRedactedCharacters: [{ beginOffsetChar: 41, endOffsetChar: 46 }],
          },
        ],
      },
    });
    expect(events[0].data).not.toHaveProperty('issues');
    expect(rawEvent.data).not.toHaveProperty('platformRedacted');
  });

  it('leaves out SYSTEM, bot and supervisor words and reads a ListRealtimeContactAnalysisSegments page with its contact added', () => {
    const [, segments] = stream('contact-lens-realtime-voice');
    const page = {
      ContactId: VOICE,
      LanguageCode: 'zh-CN',
      Segments: [
        { Transcript: { ...segments.Segments[2].Transcript, ParticipantRole: 'SYSTEM' } },
        { Transcript: { ...segments.Segments[3].Transcript, ParticipantRole: 'CUSTOM_BOT' } },
        segments.Segments[3],
      ],
      NextToken: 'token',
    };
    const { events } = map(page);
    expect(events[0].data).toMatchObject({ language: 'zh', segments: [{ role: 'customer', segmentId: '8f9a0b1c-2d3e-4f40-b5c6-d7e8f9a0b1c2' }] });
  });

  it('maps nothing from STARTED, COMPLETED and FAILED events, partial utterances, issues, chat events, attachments, summaries or unknown segments', () => {
    const [started, , utterancesOnly, completed] = stream('contact-lens-realtime-voice');
    const unknown = { ...utterancesOnly, Segments: [{ Sentiments: { Overall: 'POSITIVE' } }, { PostContactSummary: { Content: 'x', Status: 'COMPLETED' } }] };
    for (const event of [started, utterancesOnly, completed, { ...completed, EventType: 'FAILED' }, unknown]) {
      expect(map(event)).toEqual({ events: [], errors: [] });
    }
    const [, redacted, chatCompleted] = stream('contact-lens-realtime-chat');
    redacted.Segments = redacted.Segments.slice(3);
    expect(map(redacted)).toEqual({ events: [], errors: [] });
    expect(map(chatCompleted)).toEqual({ events: [], errors: [] });
    expect(mapContactLensSegmentEvents([started, utterancesOnly, completed], RECEIVED_AT)).toMatchObject({ outcome: 'ignored' });
  });

  it('names each field a SEGMENTS event lacks', () => {
    const [, segments] = stream('contact-lens-realtime-voice');
    delete segments.ContactId;
    segments.LanguageCode = 'fr-FR';
    delete segments.Segments[2].Transcript.Id;
    segments.Segments[3].Transcript.Content = 42;
    delete segments.Segments[3].Transcript.EndOffsetMillis;
    segments.Segments[4].Categories.MatchedCategories = [''];
    expect(map(segments).errors.map((e) => e.path)).toEqual([
      'ContactId',
      'LanguageCode',
      'Segments[2].Transcript.Id',
      'Segments[3].Transcript.Content',
      'Segments[3].Transcript.BeginOffsetMillis',
      'Segments[4].Categories.MatchedCategories.0',
    ]);
  });

  it('names an unknown stream event, a missing event type, an unknown channel and a value the catalogue refuses', () => {
    const [started, segments] = stream('contact-lens-realtime-voice');
    expect(map({ ...started, EventType: 'PAUSED' }).errors).toEqual([{ path: 'EventType', message: expect.stringContaining("Unknown stream event 'PAUSED'") }]);
    expect(map({ ContactId: VOICE }).errors).toEqual([{ path: 'EventType', message: expect.stringContaining('Required') }]);
    expect(map({ ...segments, Channel: 'TASK' }).errors.map((e) => e.path)).toEqual(['Channel']);
    segments.Segments[2].Transcript.EndOffsetMillis = 100;
    expect(map(segments).errors).toEqual([{ path: 'Segments[2].Transcript.EndOffsetMillis', message: expect.stringContaining('before') }]);
    expect(mapContactLensSegmentEvents([started, 'nonsense'], RECEIVED_AT)).toMatchObject({ outcome: 'unmappable', errors: [{ index: 1, path: '' }] });
  });
});

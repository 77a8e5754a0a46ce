import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorsOf as mappingErrors, eventsOf } from '../kit/mapping-result';
import { mapContactLensFile, mapContactLensFiles, redactedCopyOf } from './contact-lens-mapping';

type LensFile = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh copy of a Contact Lens output file fixture (shaped like the documented examples). */
const fixture = (name: string): LensFile =>
  JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/amazon-connect', `${name}.json`), 'utf8'));

const RECEIVED_AT = '2026-11-25T02:00:00.000Z';
/** The events and errors of one file (either is empty). */
const map = (file: unknown, objectKey?: string) => {
  const result = mapContactLensFile(file, { receivedAt: RECEIVED_AT, objectKey });
  return { events: eventsOf(result), errors: mappingErrors(result) };
};
const errorsOf = (file: unknown) => map(file).errors.map(({ path, message }) => ({ path, message }));

describe('mapContactLensFile', () => {
  it('maps an English call onto transcript.recorded, resolving participant ids through Participants, leaving SYSTEM prompts out and keeping its categories', () => {
    const { events, errors } = map(fixture('contact-lens-call-en'));
    expect(errors).toEqual([]);
    expect(events).toEqual([
      {
        id: 'amazon-connect:5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b:transcript',
        source: '/amazon-connect',
        type: 'transcript.recorded',
        time: '2026-11-25T01:30:00.000Z', // the call's recording time, from CustomerMetadata.InputS3Uri
        data: {
          contactId: '5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b',
          language: 'en',
          categories: [{ name: 'Cancellation', pointsOfInterest: [{ beginOffsetMs: 7370, endOffsetMs: 11190 }] }],
          segments: [
            {
              role: 'agent',
              text: 'Good morning, thank you for calling. My name is Fang, how can I help you?',
              beginOffsetMs: 3010,
              endOffsetMs: 6610,
            },
            { role: 'customer', text: 'I want to cancel my data add-on, I was charged twice this month.', beginOffsetMs: 7370, endOffsetMs: 11190 },
            {
              role: 'agent',
              text: 'I am sorry about that. I have cancelled the add-on and refunded the second charge.',
              beginOffsetMs: 11220,
              endOffsetMs: 15210,
            },
            { role: 'customer', text: 'Great, thank you so much.', beginOffsetMs: 15840, endOffsetMs: 18120 },
            { role: 'agent', text: "You're welcome. Is there anything else I can help you with today?", beginOffsetMs: 18310, endOffsetMs: 24140 },
          ],
        },
      },
    ]);
  });

  it('maps a redacted Chinese call whose participant ids are the roles themselves, keeping the text as spoken and the redaction spans', () => {
    const [event] = map(fixture('contact-lens-call-zh')).events;
    expect(event.id).toBe('amazon-connect:c9f8e7d6-c5b4-4a39-8281-706f5e4d3c2b:transcript-redacted');
    expect((event.data['segments'] as unknown[])[3]).toMatchObject({ platformRedactions: [{ beginOffsetMs: 16300, endOffsetMs: 17100 }] });
    expect(event.data['language']).toBe('zh');
    expect(event.data['segments']).toHaveLength(5);
    expect((event.data['segments'] as unknown[])[1]).toEqual({
      role: 'customer',
      text: '是的，我的宽带从昨天晚上开始就上不了网。',
      beginOffsetMs: 4500,
      endOffsetMs: 8830,
    });
    expect((event.data['segments'] as { role: string }[]).map((s) => s.role)).toEqual(['agent', 'customer', 'agent', 'customer', 'agent']);
  });

  it('maps a redacted chat: roles from each turn, offsets from the first turn, events and system messages left out', () => {
    const [event] = map(fixture('contact-lens-chat-en-redacted')).events;
    expect(event.time).toBe('2026-11-25T04:07:03.551Z'); // the chat's last turn
    // The redacted copy has an id of its own and supersedes the original, whichever arrives first.
    expect(event.id).toBe('amazon-connect:e2d4f6a8-b0c2-4e4f-a6b8-c0d2e4f6a8b0:transcript-redacted');
    expect(event.data).toMatchObject({ platformRedacted: true, supersedes: 'amazon-connect:e2d4f6a8-b0c2-4e4f-a6b8-c0d2e4f6a8b0:transcript' });
    expect(event.data['segments']).toEqual([
      { role: 'agent', text: 'Hello, thanks for reaching us. This is [PII]. How may I help you?', beginOffsetMs: 14293, endOffsetMs: 14293 },
      { role: 'customer', text: 'My new SIM card still shows no service after two days.', beginOffsetMs: 30888, endOffsetMs: 30888 },
      { role: 'agent', text: 'Your SIM is now activated; please restart your phone.', beginOffsetMs: 418880, endOffsetMs: 418880 },
    ]);
  });

  it("keeps a redacted call's redaction spans on the turns Contact Lens redacted", () => {
    const file = fixture('contact-lens-call-en');
    file.ContentMetadata = { Output: 'Redacted', RedactionTypes: ['PII'] };
    file.Transcript[1].Content = 'Good morning, thank you for calling. My name is [PII], how can I help you?';
    file.Transcript[1].Redaction = { RedactedTimestamps: [{ BeginOffsetMillis: 5010, EndOffsetMillis: 5400 }] };
    const [event] = map(file).events;
    expect(event.id).toBe('amazon-connect:5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b:transcript-redacted');
    expect((event.data['segments'] as unknown[])[0]).toEqual({
      role: 'agent',
      text: 'Good morning, thank you for calling. My name is [PII], how can I help you?',
      beginOffsetMs: 3010,
      endOffsetMs: 6610,
      platformRedactions: [{ beginOffsetMs: 5010, endOffsetMs: 5400 }],
    });
  });

  describe('with the S3 object key the delivery pipeline passes on', () => {
    const KEY = 'Analysis/Voice/Redacted/2026/11/25/5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b_analysis_redacted_2026-11-25T01:35:16Z.json';

    it('takes the contact, and that the file is redacted, from the key when the file does not say', () => {
      const file = fixture('contact-lens-call-en');
      delete file.CustomerMetadata;
      const [event] = map(file, KEY).events;
      expect(event.id).toBe('amazon-connect:5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b:transcript-redacted');
      expect(event.data['contactId']).toBe('5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b');
      expect(event.time).toBe('2026-11-25T01:35:16.000Z'); // no recording URI: when the analysis was written
    });

    it('refuses a key naming another contact than the file, and a key that is no analysis file', () => {
      expect(map(fixture('contact-lens-call-zh'), KEY).errors).toEqual([
        { path: 'CustomerMetadata.ContactId', message: expect.stringContaining("is not the contact the object key names ('5a3f6b2e") },
      ]);
      expect(map(fixture('contact-lens-call-en'), 'CallRecordings/2026/11/25/x.wav').errors).toEqual([
        { path: 'objectKey', message: expect.stringContaining('is not a Contact Lens analysis key') },
      ]);
    });
  });

  it('takes zh-TW and en-GB as zh and en', () => {
    expect(map({ ...fixture('contact-lens-call-zh'), LanguageCode: 'zh-TW' }).events[0].data['language']).toBe('zh');
    expect(map({ ...fixture('contact-lens-call-en'), LanguageCode: 'en-GB' }).events[0].data['language']).toBe('en');
  });

  describe('an unmappable file', () => {
    it('names a missing ContactId, an unsupported language and a missing transcript', () => {
      const file = fixture('contact-lens-call-en');
      delete file.CustomerMetadata;
      file.LanguageCode = 'fr-FR';
      delete file.Transcript;
      expect(map(file).events).toEqual([]);
      expect(errorsOf(file)).toEqual([
        { path: 'CustomerMetadata.ContactId', message: expect.stringContaining('Required') },
        { path: 'LanguageCode', message: expect.stringContaining("Unsupported language 'fr-FR'") },
        { path: 'Transcript', message: expect.stringContaining('Required') },
      ]);
    });

    it('refuses an analysis that did not complete', () => {
      expect(errorsOf({ ...fixture('contact-lens-call-en'), JobStatus: 'FAILED' })).toEqual([
        { path: 'JobStatus', message: expect.stringContaining('FAILED') },
      ]);
    });

    it('names the turn whose speaker cannot be told, and the offsets it lacks', () => {
      const file = fixture('contact-lens-call-en');
      file.Transcript[2].ParticipantId = 'someone-else';
      delete file.Transcript[3].BeginOffsetMillis;
      expect(errorsOf(file)).toEqual([
        { path: 'Transcript.2.ParticipantId', message: expect.stringContaining("'someone-else' has no ParticipantRole") },
        { path: 'Transcript.3', message: expect.stringContaining('BeginOffsetMillis and EndOffsetMillis') },
      ]);
    });

    it('reports what the catalogue refuses on the turn it came from', () => {
      const file = fixture('contact-lens-call-en');
      file.Transcript[4].EndOffsetMillis = 100; // before its BeginOffsetMillis
      expect(errorsOf(file)).toEqual([{ path: 'Transcript.4.EndOffsetMillis', message: expect.stringContaining('endOffsetMs must not be before beginOffsetMs') }]);
    });
  });
});

describe('mapContactLensFiles', () => {
  it('maps each file of a delivery, and refuses all of it when one is unmappable, by index', () => {
    const ok = mapContactLensFiles([fixture('contact-lens-call-en'), fixture('contact-lens-call-zh')], { receivedAt: RECEIVED_AT });
    expect(eventsOf(ok).map((e) => e.data['language'])).toEqual(['en', 'zh']);
    const bad = mapContactLensFiles([fixture('contact-lens-call-en'), []], { receivedAt: RECEIVED_AT });
    expect(bad).toEqual({ outcome: 'unmappable', errors: [{ index: 1, path: '', message: 'Expected a Contact Lens output file (a JSON object), got an array' }] });
  });
});

describe('redactedCopyOf', () => {
  it("names the redacted copy of an original analysis's transcript, and nothing for other events", () => {
    expect(redactedCopyOf({ id: 'amazon-connect:c-1:transcript', type: 'transcript.recorded' })).toBe('amazon-connect:c-1:transcript-redacted');
    expect(redactedCopyOf({ id: 'amazon-connect:c-1:transcript-redacted', type: 'transcript.recorded' })).toBeUndefined();
    expect(redactedCopyOf({ id: 'amazon-connect:c-1:queued', type: 'contact.queued' })).toBeUndefined();
  });
});

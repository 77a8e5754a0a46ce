import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { maskData } from '../src/masking';
import { insertApiKey } from './support/api-keys';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures/amazon-connect', `${name}.json`), 'utf8'));

const VOICE = '5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b';
const ABANDONED = '8b7e1c2d-4f5a-4b6c-9d8e-0f1a2b3c4d5e';
const CALLBACK_INBOUND = 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const CALLBACK = 'c9f8e7d6-c5b4-4a39-8281-706f5e4d3c2b';
const CHAT = 'e2d4f6a8-b0c2-4e4f-a6b8-c0d2e4f6a8b0';
const id = (contactId: string, milestone: string) => `amazon-connect:${contactId}:${milestone}`;

/** A fixture as intake keeps it: personal data masked. */
const masked = (name: string) => maskData(fixture(name)).data;

describe('intake: POST /v1/adapters/amazon-connect/* (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;

  const post = (path: string, body: string | object, contentType = 'application/json') =>
    svc.http()
      .post(`/v1/adapters/amazon-connect/${path}`)
      .set('Authorization', `Bearer ${key}`)
      .set('Content-Type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const count = async (table: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.${table}`))[0].n);
  const publishedOf = (eventId: string) => svc.tap.events.filter((e) => e.id === eventId);
  const settled = () => eventually(async () => expect(await count('outbox')).toBe(0));

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme', { name: 'connect' });
  });

  afterAll(() => svc?.stop());

  describe('contact-records', () => {
    it('publishes the milestones of a contact record with the record’s own timestamps, for the key’s tenant', async () => {
      const res = await post('contact-records', fixture('ctr-voice-answered-early')).expect(202);
      expect(res.body).toEqual({ accepted: [id(VOICE, 'queued'), id(VOICE, 'answered')], duplicates: [] });
      await eventually(async () => expect(publishedOf(id(VOICE, 'answered'))).toHaveLength(1));
      expect(publishedOf(id(VOICE, 'queued'))[0]).toMatchObject({
        type: 'contact.queued',
        time: '2026-11-25T01:30:02.000Z',
        tenantid: 'acme',
        data: { contactId: VOICE, channel: 'voice', queue: 'Billing', direction: 'inbound' },
      });
      expect(publishedOf(id(VOICE, 'answered'))[0]).toMatchObject({
        type: 'contact.answered',
        time: '2026-11-25T01:30:19.000Z',
        data: { contactId: VOICE, agentId: 'wang.fang' },
      });
    });

    it('turns the updated record Connect re-sends into its new milestone only', async () => {
      const res = await post('contact-records', fixture('ctr-voice-answered')).expect(202);
      expect(res.body).toEqual({ accepted: [id(VOICE, 'ended')], duplicates: [id(VOICE, 'queued'), id(VOICE, 'answered')] });
      await eventually(async () => expect(publishedOf(id(VOICE, 'ended'))).toHaveLength(1));
      expect(publishedOf(id(VOICE, 'ended'))[0]).toMatchObject({
        time: '2026-11-25T01:36:45.000Z',
        data: { talkSeconds: 356, holdSeconds: 30, afterContactWorkSeconds: 45, disconnectReason: 'CUSTOMER_DISCONNECT' },
      });
      await settled();
      expect(publishedOf(id(VOICE, 'queued'))).toHaveLength(1);
      expect(publishedOf(id(VOICE, 'answered'))).toHaveLength(1);
    });

    it('keeps each original delivery for audit beside the events mapped from it', async () => {
      const rows = await svc.db.query(
        `SELECT tenant_id, adapter, payload, event_ids FROM intake.deliveries WHERE payload->>'ContactId' = $1 ORDER BY id`,
        [VOICE],
      );
      expect(rows).toEqual([
        { tenant_id: 'acme', adapter: 'amazon-connect', payload: masked('ctr-voice-answered-early'), event_ids: [id(VOICE, 'queued'), id(VOICE, 'answered')] },
        {
          tenant_id: 'acme',
          adapter: 'amazon-connect',
          payload: masked('ctr-voice-answered'),
          event_ids: [id(VOICE, 'queued'), id(VOICE, 'answered'), id(VOICE, 'ended')],
        },
      ]);
      // Kept masked, as everything intake stores: the caller's number does not survive.
      expect(JSON.stringify(rows)).not.toContain('+8613800000000');
    });

    it('accepts newline-delimited records (Firehose), counting an abandoned caller but not one who chose a callback', async () => {
      const ndjson = ['ctr-voice-abandoned', 'ctr-callback-inbound', 'ctr-callback-contact'].map((name) => JSON.stringify(fixture(name))).join('\n');
      const res = await post('contact-records', `${ndjson}\n`, 'application/x-ndjson').expect(202);
      expect(res.body.accepted).toEqual([
        id(ABANDONED, 'queued'),
        id(ABANDONED, 'abandoned'),
        id(ABANDONED, 'ended'),
        id(CALLBACK_INBOUND, 'queued'),
        id(CALLBACK_INBOUND, 'ended'),
        id(CALLBACK, 'queued'),
        id(CALLBACK, 'answered'),
        id(CALLBACK, 'ended'),
      ]);
      await eventually(async () => expect(publishedOf(id(CALLBACK, 'ended'))).toHaveLength(1));
      expect(publishedOf(id(ABANDONED, 'abandoned'))[0]).toMatchObject({ type: 'contact.abandoned', time: '2026-11-25T02:12:05.000Z' });
      expect(svc.tap.events.filter((e) => e.type === 'contact.abandoned').map((e) => (e.data as { contactId: string }).contactId)).toEqual([ABANDONED]);
      expect(publishedOf(id(CALLBACK, 'queued'))[0]).toMatchObject({ data: { channel: 'callback', previousContactId: CALLBACK_INBOUND } });
      const [delivery] = await svc.db.query(`SELECT payload FROM intake.deliveries WHERE $1 = ANY(event_ids)`, [id(ABANDONED, 'queued')]);
      expect(delivery.payload).toEqual(maskData([fixture('ctr-voice-abandoned'), fixture('ctr-callback-inbound'), fixture('ctr-callback-contact')]).data);
    });

    it('accepts concatenated records as text/plain and a JSON array of records', async () => {
      const concatenated = JSON.stringify(fixture('ctr-chat-answered'));
      await post('contact-records', concatenated, 'text/plain; charset=utf-8')
        .expect(202)
        .expect({ accepted: [id(CHAT, 'queued'), id(CHAT, 'answered'), id(CHAT, 'ended')], duplicates: [] });
      await post('contact-records', [fixture('ctr-chat-answered'), fixture('ctr-voice-abandoned')])
        .expect(202)
        .expect({
          accepted: [],
          duplicates: [id(CHAT, 'queued'), id(CHAT, 'answered'), id(CHAT, 'ended'), id(ABANDONED, 'queued'), id(ABANDONED, 'abandoned'), id(ABANDONED, 'ended')],
        });
      await eventually(async () => expect(publishedOf(id(CHAT, 'queued'))[0]).toMatchObject({ data: { channel: 'chat' } }));
    });

    it('answers an unmappable record with 422 naming what is missing by index, and stores nothing of the delivery', async () => {
      const [events, deliveries] = [await count('events'), await count('deliveries')];
      const fresh = { ...fixture('ctr-voice-abandoned'), ContactId: 'f0000000-0000-4000-8000-000000000001' };
      const noId = { ...fixture('ctr-voice-abandoned') };
      delete noId['ContactId'];
      const res = await post('contact-records', [fresh, noId, { Channel: 'VOICE', ContactId: 'x' }]).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 422, title: 'Unmappable record' });
      expect(res.body.errors).toEqual([
        { index: 1, path: 'ContactId', message: expect.stringContaining('Required') },
        { index: 2, path: '', message: expect.stringContaining('Nothing to map') },
      ]);
      const single = await post('contact-records', { ...fixture('ctr-voice-abandoned'), Channel: 'TASK' }).expect(422);
      expect(single.body.errors).toEqual([{ path: 'Channel', message: expect.stringContaining('TASK') }]);
      expect([await count('events'), await count('deliveries')]).toEqual([events, deliveries]);
    });

    it('answers a malformed record 400, a wrong content type 415, an oversized body 413 and a missing key 401', async () => {
      const malformed = await post('contact-records', '{"ContactId": "a"}\n{"ContactId": ', 'application/x-ndjson').expect(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      expect(malformed.body.errors).toEqual([{ index: 1, path: '', message: expect.stringContaining('Record 1 is not valid JSON') }]);
      await post('contact-records', '<ContactId/>', 'application/xml').expect(415);
      const oversized = `${JSON.stringify({ ...fixture('ctr-voice-abandoned'), Padding: 'x'.repeat(1024 * 1024) })}\n`;
      const tooLarge = await post('contact-records', oversized, 'application/x-ndjson').expect(413);
      expect(tooLarge.headers['content-type']).toContain('application/problem+json');
      await svc.http().post('/v1/adapters/amazon-connect/contact-records').send(fixture('ctr-voice-abandoned')).expect(401);
    });
  });

  describe('contact-records re-sent by Connect (newest wins for what it adds)', () => {
    const recordOf = (name: string, contactId: string) => ({ ...fixture(name), ContactId: contactId });
    const milestones = (contactId: string, ...names: string[]) => names.map((name) => id(contactId, name));
    /** The fixture's survey: one event per record version (its LastUpdateTimestamp in ms). */
    const SURVEY = 'survey:1795570862000';

    it('waits for after-contact work to end, then takes the newer record’s ended and survey once; older copies add nothing', async () => {
      const contact = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      await post('contact-records', recordOf('ctr-voice-in-after-contact-work', contact))
        .expect(202)
        .expect({ accepted: milestones(contact, 'queued', 'answered'), duplicates: [] });
      await post('contact-records', recordOf('ctr-voice-surveyed', contact))
        .expect(202)
        .expect({ accepted: milestones(contact, 'ended', SURVEY), duplicates: milestones(contact, 'queued', 'answered') });
      const everything = milestones(contact, 'queued', 'answered', 'ended', SURVEY);
      await post('contact-records', recordOf('ctr-voice-surveyed', contact)).expect(202).expect({ accepted: [], duplicates: everything });
      // Older copies, arriving after the newest: every milestone they hold is already kept.
      await post('contact-records', [recordOf('ctr-voice-answered', contact), recordOf('ctr-voice-in-after-contact-work', contact)])
        .expect(202)
        .expect({ accepted: [], duplicates: [...milestones(contact, 'queued', 'answered', 'ended'), ...milestones(contact, 'queued', 'answered')] });
      await settled();
      for (const eventId of everything) expect(publishedOf(eventId)).toHaveLength(1);
      expect(publishedOf(id(contact, 'ended'))[0].data).toMatchObject({ talkSeconds: 356, holdSeconds: 30, afterContactWorkSeconds: 45, handleSeconds: 431 });
      expect(publishedOf(id(contact, SURVEY))[0]).toMatchObject({
        type: 'survey.completed',
        time: '2026-11-25T01:41:02.000Z',
        data: { score: 4, platformScore: { value: '4', scale: '1-5' }, surveyId: id(contact, 'survey'), contactId: contact, comment: 'Quick and polite, thanks' },
      });
    });

    it('takes a survey score changed in a newer record as a second survey.completed of the same survey; an older copy adds nothing', async () => {
      const contact = '2c3d4e5f-6071-4c8d-9e0f-1a2b3c4d5e6f';
      const first = recordOf('ctr-voice-surveyed', contact);
      const changed = { ...first, LastUpdateTimestamp: '2026-11-25T02:05:00Z', Attributes: { ...(fixture('ctr-voice-surveyed').Attributes as object), csat: '2' } };
      await post('contact-records', first).expect(202);
      await post('contact-records', changed)
        .expect(202)
        .expect({ accepted: milestones(contact, 'survey:1795572300000'), duplicates: milestones(contact, 'queued', 'answered', 'ended') });
      await post('contact-records', first)
        .expect(202)
        .expect({ accepted: [], duplicates: milestones(contact, 'queued', 'answered', 'ended', SURVEY) });
      await settled();
      const surveys = svc.tap.events.filter((e) => e.type === 'survey.completed' && (e.data as { contactId?: string }).contactId === contact);
      expect(surveys.map((e) => [e.time, (e.data as { score: number }).score, (e.data as { surveyId: string }).surveyId])).toEqual([
        ['2026-11-25T01:41:02.000Z', 4, id(contact, 'survey')],
        ['2026-11-25T02:05:00.000Z', 2, id(contact, 'survey')],
      ]);
    });

    it('adds nothing from an older record that arrives only after the newest', async () => {
      const contact = '1b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e';
      await post('contact-records', recordOf('ctr-voice-surveyed', contact))
        .expect(202)
        .expect({ accepted: milestones(contact, 'queued', 'answered', 'ended', SURVEY), duplicates: [] });
      await post('contact-records', recordOf('ctr-voice-answered-early', contact))
        .expect(202)
        .expect({ accepted: [], duplicates: milestones(contact, 'queued', 'answered') });
      const bad = await post('contact-records', { ...recordOf('ctr-voice-surveyed', contact), Attributes: { csat: 'excellent' } }).expect(422);
      expect(bad.body.errors).toEqual([{ path: 'Attributes.csat', message: expect.stringContaining('from 1 to 5') }]);
    });
  });

  describe('agent-events', () => {
    it('publishes each state change as agent.status_changed, heartbeats and re-sends adding nothing', async () => {
      const change = fixture('agent-event-state-change');
      const eventId = 'amazon-connect:agent-event:477f2c8f-6ad8-4a26-9c78-cbd7f8d0f9a3';
      const heartbeat = { ...change, EventType: 'HEART_BEAT', EventId: 'a8b9c0d1-0000-4000-8000-000000000001' };
      const logout = { ...change, EventType: 'LOGOUT', EventId: 'a8b9c0d1-0000-4000-8000-000000000002', EventTimestamp: '2026-11-25T09:00:00.000Z' };
      const body = [change, heartbeat, logout].map((event) => JSON.stringify(event)).join('\n');
      await post('agent-events', body, 'application/x-ndjson')
        .expect(202)
        .expect({ accepted: [eventId, 'amazon-connect:agent-event:a8b9c0d1-0000-4000-8000-000000000002'], duplicates: [] });
      await post('agent-events', change).expect(202).expect({ accepted: [], duplicates: [eventId] });
      await post('agent-events', heartbeat).expect(200);
      await settled();
      expect(publishedOf(eventId)).toEqual([
        expect.objectContaining({ type: 'agent.status_changed', time: '2026-11-25T01:29:40.734Z', data: expect.objectContaining({ agentId: 'liwei', status: 'available', team: 'Billing team' }) }),
      ]);
      expect(publishedOf('amazon-connect:agent-event:a8b9c0d1-0000-4000-8000-000000000002')[0].data).toMatchObject({ status: 'offline' });
    });

    it('names what an event lacks and stores nothing', async () => {
      const events = await count('events');
      const res = await post('agent-events', [{ ...fixture('agent-event-state-change'), EventType: 'TELEPORTED' }]).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ index: 0, path: 'EventType' })]);
      expect(await count('events')).toBe(events);
    });
  });

  describe('contact-events (EventBridge)', () => {
    const events = JSON.parse(readFileSync(join(__dirname, 'fixtures/amazon-connect/contact-events-eventbridge.json'), 'utf8')) as {
      detail: { contactId: string };
    }[];
    const [answeredId, abandonedId] = [events[0].detail.contactId, events[3].detail.contactId];

    it('publishes queued, answered and abandoned live, named as the agent events taught, and the contact record adds only the rest', async () => {
      await post('agent-events', fixture('agent-event-state-change')).expect(202);
      await post('contact-events', events)
        .expect(202)
        .expect({ accepted: [id(answeredId, 'queued'), id(answeredId, 'answered'), id(abandonedId, 'queued'), id(abandonedId, 'abandoned')], duplicates: [] });
      await settled();
      expect(publishedOf(id(answeredId, 'answered'))[0]).toMatchObject({ time: '2026-11-25T01:30:21.750Z', data: { agentId: 'liwei', queue: 'Billing', waitSeconds: 21.5 } });
      expect(publishedOf(id(abandonedId, 'abandoned'))[0].data).toMatchObject({ queue: 'Billing', waitSeconds: 48.5 });
      // EventBridge delivers at least once: a repeat is a duplicate, as the contact record's own queued will be (the same id).
      await post('contact-events', events[0]).expect(202).expect({ accepted: [], duplicates: [id(answeredId, 'queued')] });
    });

    it('publishes COMPLETED after After Contact Work as contact.completed once; a COMPLETED without it adds nothing', async () => {
      const [afterWork, withoutWork] = fixture('contact-events-completed') as unknown as { detail: { contactId: string } }[];
      await post('contact-events', [afterWork, withoutWork]).expect(202).expect({ accepted: [id(answeredId, 'completed')], duplicates: [] });
      await settled();
      expect(publishedOf(id(answeredId, 'completed'))[0]).toMatchObject({
        type: 'contact.completed',
        time: '2026-11-25T01:35:45.500Z',
        data: { contactId: answeredId, agentId: 'liwei', queue: 'Billing', afterContactWorkSeconds: 45 },
      });
      await post('contact-events', afterWork).expect(202).expect({ accepted: [], duplicates: [id(answeredId, 'completed')] });
      await post('contact-events', withoutWork).expect(200);
    });

    it('answers 200 for events with no live milestone and 422 naming what an event lacks, storing nothing', async () => {
      const before = await count('events');
      const initiated = { ...events[0], detail: { ...events[0].detail, eventType: 'INITIATED' } };
      await post('contact-events', initiated).expect(200);
      const bad = await post('contact-events', [{ ...events[0], detail: { ...events[0].detail, channel: 'PIGEON' } }]).expect(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ index: 0, path: 'detail.channel' })]);
      await post('contact-events', 'not json', 'text/plain').expect(415);
      expect(await count('events')).toBe(before);
    });
  });

  describe('contact-lens', () => {
    it('publishes a Chinese call’s transcript once, however often the file is sent', async () => {
      const file = fixture('contact-lens-call-zh');
      const transcriptId = id(CALLBACK, 'transcript-redacted');
      await post('contact-lens', file).expect(202).expect({ accepted: [transcriptId], duplicates: [] });
      await post('contact-lens', file).expect(202).expect({ accepted: [], duplicates: [transcriptId] });
      await eventually(async () => expect(publishedOf(transcriptId)).toHaveLength(1));
      const [transcript] = publishedOf(transcriptId);
      expect(transcript).toMatchObject({ type: 'transcript.recorded', data: { contactId: CALLBACK, language: 'zh', platformRedacted: true } });
      expect((transcript.data as { segments: unknown[] }).segments[0]).toEqual({
        role: 'agent',
        text: '您好，这里是客服中心回电，请问是您预约的回电吗？',
        beginOffsetMs: 0,
        endOffsetMs: 4120,
      });
      await settled();
      expect(publishedOf(transcriptId)).toHaveLength(1);
      const [delivery] = await svc.db.query(`SELECT adapter, payload FROM intake.deliveries WHERE $1 = ANY(event_ids) ORDER BY id LIMIT 1`, [transcriptId]);
      expect(delivery).toEqual({ adapter: 'amazon-connect', payload: file });
    });

    it('publishes an English chat transcript timed at its last turn', async () => {
      await post('contact-lens', fixture('contact-lens-chat-en-redacted')).expect(202).expect({ accepted: [id(CHAT, 'transcript-redacted')], duplicates: [] });
      await eventually(async () =>
        expect(publishedOf(id(CHAT, 'transcript-redacted'))[0]).toMatchObject({ time: '2026-11-25T04:07:03.551Z', data: { language: 'en' } }),
      );
    });

    it('prefers the redacted file whichever arrives first, and takes the contact from the object key', async () => {
      const contact = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
      const keyOf = (redacted: boolean) =>
        `Analysis/Voice/${redacted ? 'Redacted/' : ''}2026/11/25/${contact}_analysis_${redacted ? 'redacted_' : ''}2026-11-25T01:35:16Z.json`;
      const original = fixture('contact-lens-call-en');
      delete original['CustomerMetadata'];
      const redacted = { ...fixture('contact-lens-call-zh'), CustomerMetadata: { ContactId: contact } };
      const postKeyed = (file: object, objectKey: string) =>
        svc.http()
          .post('/v1/adapters/amazon-connect/contact-lens')
          .query({ objectKey })
          .set('Authorization', `Bearer ${key}`)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(file));
      // Redacted first: the original that follows is superseded, not published.
      await postKeyed(redacted, keyOf(true)).expect(202).expect({ accepted: [id(contact, 'transcript-redacted')], duplicates: [] });
      await postKeyed(original, keyOf(false)).expect(202).expect({ accepted: [], duplicates: [id(contact, 'transcript')] });
      await settled();
      expect(publishedOf(id(contact, 'transcript'))).toEqual([]);
      expect(publishedOf(id(contact, 'transcript-redacted'))[0].data).toMatchObject({ contactId: contact, supersedes: id(contact, 'transcript') });

      // Original first: the redacted copy still comes, naming the transcript it supersedes.
      const later = 'f6e5d4c3-b2a1-4098-8765-43210fedcba9';
      await post('contact-lens', { ...fixture('contact-lens-call-en'), CustomerMetadata: { ContactId: later } }).expect(202).expect({ accepted: [id(later, 'transcript')], duplicates: [] });
      await post('contact-lens', { ...redacted, CustomerMetadata: { ContactId: later } }).expect(202).expect({ accepted: [id(later, 'transcript-redacted')], duplicates: [] });
      await eventually(async () => expect(publishedOf(id(later, 'transcript-redacted'))[0]?.data).toMatchObject({ supersedes: id(later, 'transcript') }));

      const batch = await postKeyed([original], keyOf(false)).expect(400);
      expect(batch.body.errors).toEqual([expect.objectContaining({ path: 'query.objectKey' })]);
      const mismatch = await postKeyed({ ...fixture('contact-lens-call-en') }, keyOf(false)).expect(422);
      expect(mismatch.body.errors).toEqual([expect.objectContaining({ path: 'CustomerMetadata.ContactId' })]);
    });

    it('answers an unmappable file with 422 and stores nothing', async () => {
      const before = await count('deliveries');
      const res = await post('contact-lens', { ...fixture('contact-lens-call-en'), LanguageCode: 'ja-JP', CustomerMetadata: {} }).expect(422);
      expect(res.body.errors).toEqual([
        { path: 'CustomerMetadata.ContactId', message: expect.any(String) },
        { path: 'LanguageCode', message: expect.stringContaining('ja-JP') },
      ]);
      expect(await count('deliveries')).toBe(before);
      await post('contact-lens', 'not json', 'text/plain').expect(415);
    });
  });

  describe('contact-lens-segments (real-time analysis)', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const stream = (name: string) => fixture(name) as unknown as Record<string, any>[];
    const LIVE_CALL = 'd4c3b2a1-0f9e-4d8c-b7a6-958473625140';
    const LIVE_CHAT = 'a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d';
    const liveIds = (contactId: string) => svc.tap.events.filter((e) => e.type === 'transcript.segmented' && (e.data as { contactId: string }).contactId === contactId);

    it("publishes a call's final words once per stream record, however often Kinesis delivers it", async () => {
      const voice = stream('contact-lens-realtime-voice');
      const first = await post('contact-lens-segments', voice).expect(202);
      expect(first.body).toEqual({ accepted: [expect.stringMatching(new RegExp(`^amazon-connect:${LIVE_CALL}:segments:[0-9a-f]{16}$`))], duplicates: [] });
      const [eventId] = first.body.accepted;
      await post('contact-lens-segments', voice.map((e) => JSON.stringify(e)).join('\n'), 'application/x-ndjson')
        .expect(202)
        .expect({ accepted: [], duplicates: [eventId] });
      await settled();
      expect(liveIds(LIVE_CALL)).toHaveLength(1);
      expect(publishedOf(eventId)[0]).toMatchObject({
        type: 'transcript.segmented',
        tenantid: 'acme',
        data: {
          contactId: LIVE_CALL,
          language: 'en',
          segments: [
            { segmentId: '7e8f9a0b-1c2d-4e3f-a4b5-c6d7e8f9a0b1', role: 'agent', beginOffsetMs: 19010, endOffsetMs: 24598 },
            { segmentId: '8f9a0b1c-2d3e-4f40-b5c6-d7e8f9a0b1c2', role: 'customer', platformRedactions: [{ beginOffsetMs: 28120, endOffsetMs: 29350 }] },
          ],
          categories: [{ name: 'ApplicationTrouble' }, { name: 'CallerFrustrated' }],
        },
      });
    });

    it("keeps a chat's redacted batch over its raw copy whichever arrives first, the raw one's card number masked", async () => {
      const [raw, redacted, completed] = stream('contact-lens-realtime-chat');
      const accepted = await post('contact-lens-segments', [raw, redacted, completed]).expect(202);
      const [rawId, redactedId] = accepted.body.accepted;
      expect(redactedId).toBe(rawId.replace(':segments:', ':segments-redacted:'));
      await settled();
      expect(JSON.stringify(publishedOf(rawId)[0].data)).not.toContain('4111 1111 1111 1111');
      expect(publishedOf(redactedId)[0]).toMatchObject({ time: '2026-11-25T03:39:41.203Z', data: { contactId: LIVE_CHAT, platformRedacted: true, supersedes: rawId } });

      const later = 'b8c9d0e1-f2a3-4b4c-9d5e-6f7a8b9c0d1e';
      await post('contact-lens-segments', { ...redacted, ContactId: later }).expect(202);
      const superseded = await post('contact-lens-segments', { ...raw, ContactId: later }).expect(202);
      expect(superseded.body).toEqual({ accepted: [], duplicates: [expect.stringMatching(new RegExp(`^amazon-connect:${later}:segments:`))] });
      await settled();
      expect(liveIds(later)).toHaveLength(1);
    });

    it('answers 200 when nothing is final yet and 422 naming what an event lacks, storing nothing', async () => {
      const [started, segments, utterances, completed] = stream('contact-lens-realtime-voice');
      const before = await count('deliveries');
      const ignored = await post('contact-lens-segments', [started, utterances, completed]).expect(200);
      expect(ignored.body).toEqual({ accepted: [], ignored: expect.stringContaining('No final transcript segment') });
      const bad = await post('contact-lens-segments', [started, { ...segments, LanguageCode: 'ja-JP' }, { ...completed, EventType: 'PAUSED' }]).expect(422);
      expect(bad.body.errors).toEqual([
        { index: 1, path: 'LanguageCode', message: expect.stringContaining('ja-JP') },
        { index: 2, path: 'EventType', message: expect.stringContaining('PAUSED') },
      ]);
      expect(await count('deliveries')).toBe(before);
    });
  });
});

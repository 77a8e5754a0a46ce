import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorsOf as mappingErrors, eventsOf } from '../kit/mapping-result';
import { numericScale, wordedScale } from '../kit/satisfaction-scale';
import { mapContactRecord, mapContactRecords } from './contact-record-mapping';
import { contactSurveyFromEnv, DEFAULT_CONTACT_SURVEY } from './contact-survey';

type Ctr = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh copy of a contact record fixture (shaped like the documented CTR data model). */
const fixture = (name: string): Ctr =>
  JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/amazon-connect', `${name}.json`), 'utf8'));

/** The events and errors of one record (either is empty). */
const map = (record: unknown) => {
  const result = mapContactRecord(record);
  return { events: eventsOf(result), errors: mappingErrors(result) };
};
const types = (record: unknown) => map(record).events.map((e) => e.type);

describe('mapContactRecord', () => {
  it('maps a voice contact answered by an agent onto queued, answered and ended, at the record’s own times', () => {
    const { events, errors } = map(fixture('ctr-voice-answered'));
    const contactId = '5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b';
    expect(errors).toEqual([]);
    expect(events).toEqual([
      {
        id: `amazon-connect:${contactId}:queued`,
        source: '/amazon-connect',
        type: 'contact.queued',
        time: '2026-11-25T01:30:02.000Z',
        data: { contactId, channel: 'voice', queue: 'Billing', direction: 'inbound' },
      },
      {
        id: `amazon-connect:${contactId}:answered`,
        source: '/amazon-connect',
        type: 'contact.answered',
        time: '2026-11-25T01:30:19.000Z',
        // Queue.Duration: Connect's own queue answer time, so the service level matches its report.
        data: { contactId, agentId: 'wang.fang', queue: 'Billing', waitSeconds: 17 },
      },
      {
        id: `amazon-connect:${contactId}:ended`,
        source: '/amazon-connect',
        type: 'contact.ended',
        time: '2026-11-25T01:36:45.000Z',
        data: {
          contactId,
          agentId: 'wang.fang',
          queue: 'Billing',
          talkSeconds: 356,
          holdSeconds: 30,
          afterContactWorkSeconds: 45,
          handleSeconds: 431, // interaction + customer hold + after-contact work
          disconnectReason: 'CUSTOMER_DISCONNECT',
        },
      },
    ]);
  });

  it('maps a contact the customer left in the queue onto queued, abandoned and ended', () => {
    const { events, errors } = map(fixture('ctr-voice-abandoned'));
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.type, e.time])).toEqual([
      ['contact.queued', '2026-11-25T02:10:21.000Z'],
      ['contact.abandoned', '2026-11-25T02:12:05.000Z'],
      ['contact.ended', '2026-11-25T02:12:05.000Z'],
    ]);
    expect(events[1]).toMatchObject({ id: 'amazon-connect:8b7e1c2d-4f5a-4b6c-9d8e-0f1a2b3c4d5e:abandoned', data: { queue: 'Billing' } });
    expect(events[1].data).toEqual({ contactId: '8b7e1c2d-4f5a-4b6c-9d8e-0f1a2b3c4d5e', queue: 'Billing', waitSeconds: 104 });
    // No agent, but the ended contact still carries its queue, how it left it, when, and its wait.
    expect(events[2].data).toEqual({
      contactId: '8b7e1c2d-4f5a-4b6c-9d8e-0f1a2b3c4d5e',
      queue: 'Billing',
      disconnectReason: 'CUSTOMER_DISCONNECT',
      queueOutcome: 'abandoned',
      dequeuedAt: '2026-11-25T02:12:05.000Z',
      waitSeconds: 104,
    });
  });

  it('dates an abandonment when the contact left the queue, not when a later flow disconnected it', () => {
    const record = fixture('ctr-voice-abandoned');
    record.Queue.DequeueTimestamp = '2026-11-25T02:11:50Z';
    record.Queue.Duration = 89;
    record.DisconnectTimestamp = '2026-11-25T02:12:05Z';
    const { events } = map(record);
    expect(events.map((e) => [e.type, e.time])).toEqual([
      ['contact.queued', '2026-11-25T02:10:21.000Z'],
      ['contact.abandoned', '2026-11-25T02:11:50.000Z'],
      ['contact.ended', '2026-11-25T02:12:05.000Z'],
    ]);
    expect(events[1].data).toMatchObject({ waitSeconds: 89 });
    // Without Queue.Duration the wait is the span between the queue's own timestamps.
    record.Queue.Duration = null;
    expect(map(record).events[1].data).toMatchObject({ waitSeconds: 89 });
  });

  it('never counts a contact an agent accepted as abandoned, whoever hung up', () => {
    const record = { ...fixture('ctr-voice-answered'), DisconnectReason: 'CUSTOMER_DISCONNECT' };
    expect(types(record)).toEqual(['contact.queued', 'contact.answered', 'contact.ended']);
    expect(map(record).events[2].data).not.toHaveProperty('queueOutcome');
  });

  describe('a caller who chose a queued callback', () => {
    it('is not abandoned: the inbound contact was ended by the flow and continues as the callback contact', () => {
      const inbound = fixture('ctr-callback-inbound');
      expect(types(inbound)).toEqual(['contact.queued', 'contact.ended']);
      // It left the queue when the callback was requested: that is its dequeue time and exact wait.
      expect(map(inbound).events[1].data).toEqual({
        contactId: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8',
        queue: 'Billing',
        disconnectReason: 'CONTACT_FLOW_DISCONNECT',
        queueOutcome: 'callback_requested',
        dequeuedAt: '2026-11-25T03:37:00.000Z',
        waitSeconds: 108,
      });
      // NextContactId alone says the contact went on (a record from before DisconnectReason existed).
      delete inbound.DisconnectReason;
      expect(types(inbound)).toEqual(['contact.queued', 'contact.ended']);
    });

    it('maps the callback contact as a callback, inbound (the customer asked for it), linked to the contact it continues', () => {
      const { events, errors } = map(fixture('ctr-callback-contact'));
      expect(errors).toEqual([]);
      expect(events.map((e) => e.type)).toEqual(['contact.queued', 'contact.answered', 'contact.ended']);
      expect(events[0]).toMatchObject({
        time: '2026-11-25T03:38:39.000Z',
        data: {
          channel: 'callback',
          direction: 'inbound',
          queue: 'Billing Callback',
          previousContactId: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8',
        },
      });
      expect(events[1]).toMatchObject({ time: '2026-11-25T03:39:25.000Z', data: { agentId: 'li.na' } });
      // No AfterContactWorkDuration: the span between the ACW start and end timestamps.
      expect(events[2].data).toMatchObject({ afterContactWorkSeconds: 20, talkSeconds: 335, holdSeconds: 0, handleSeconds: 355 });
      expect(events[1].data).toMatchObject({ waitSeconds: 120 }); // Queue.Duration, as Connect reports it
    });

    it('is not abandoned either when the callback contact never reaches an agent', () => {
      const callback = fixture('ctr-callback-contact');
      callback.Agent = null;
      expect(types(callback)).toEqual(['contact.queued', 'contact.ended']);
    });
  });

  it('counts only the customer hanging up in queue as abandonment, not a flow, an API or the network', () => {
    const ended = (reason: string | null) => types({ ...fixture('ctr-voice-abandoned'), DisconnectReason: reason });
    expect(ended('CUSTOMER_DISCONNECT')).toContain('contact.abandoned');
    for (const reason of [null, 'CONTACT_FLOW_DISCONNECT', 'TELECOM_PROBLEM', 'OTHER']) {
      expect(ended(reason)).toEqual(['contact.queued', 'contact.ended']);
    }
    // A record written before Connect had DisconnectReason (no key at all): enqueued and no agent is abandonment.
    const older = fixture('ctr-voice-abandoned');
    delete older.DisconnectReason;
    expect(types(older)).toContain('contact.abandoned');
    const transferredOut = { ...fixture('ctr-voice-abandoned'), TransferCompletedTimestamp: '2026-11-25T02:12:05Z' };
    expect(types(transferredOut)).not.toContain('contact.abandoned');
  });

  describe('transfers', () => {
    const PREVIOUS = '5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b';

    it('maps the leg a queue transfer created onto contact.transferred of the transferred contact, at its initiation', () => {
      const leg: Ctr = {
        ...fixture('ctr-voice-answered'),
        ContactId: '7c6d5e4f-3a2b-4c1d-9e8f-0a1b2c3d4e5f',
        InitiationMethod: 'QUEUE_TRANSFER',
        InitiationTimestamp: '2026-11-25T01:36:40Z',
        PreviousContactId: PREVIOUS,
        InitialContactId: PREVIOUS,
      };
      leg.Queue = { ...leg.Queue, Name: 'Billing Escalations', EnqueueTimestamp: '2026-11-25T01:36:41Z' };
      const transferred = map(leg).events.find((e) => e.type === 'contact.transferred');
      expect(transferred).toEqual({
        id: `amazon-connect:${PREVIOUS}:transferred`,
        source: '/amazon-connect',
        type: 'contact.transferred',
        time: '2026-11-25T01:36:40.000Z',
        data: { contactId: PREVIOUS, toQueue: 'Billing Escalations', toAgentId: 'wang.fang', toContactId: leg.ContactId },
      });
      expect(map(leg).events[0].data).toMatchObject({ direction: 'inbound', previousContactId: PREVIOUS });
    });

    it('maps a transfer out of Connect from the transferred leg, which is not abandoned even unanswered', () => {
      const record: Ctr = {
        ...fixture('ctr-voice-abandoned'),
        DisconnectReason: 'THIRD_PARTY_DISCONNECT',
        TransferredToEndpoint: { Address: '+862161234567', Type: 'TELEPHONE_NUMBER' },
        TransferCompletedTimestamp: '2026-11-25T02:11:40Z',
      };
      record.Queue.DequeueTimestamp = '2026-11-25T02:11:38Z';
      const { events } = map(record);
      expect(events.map((e) => [e.type, e.time])).toEqual([
        ['contact.queued', '2026-11-25T02:10:21.000Z'],
        ['contact.transferred', '2026-11-25T02:11:40.000Z'],
        ['contact.ended', '2026-11-25T02:12:05.000Z'],
      ]);
      expect(events[1].data).toEqual({ contactId: record.ContactId, toEndpoint: '+862161234567', endpointType: 'TELEPHONE_NUMBER' });
      expect(events[2].data).toMatchObject({ queueOutcome: 'transferred', dequeuedAt: '2026-11-25T02:11:38.000Z' });
    });
  });

  describe('talk time without Agent.AgentInteractionDuration', () => {
    it('runs from connecting to the agent until after-contact work began, less the hold', () => {
      const record = fixture('ctr-voice-answered'); // connected 01:30:19, ACW from 01:36:45, 30 s hold
      record.Agent.AgentInteractionDuration = null;
      expect(map(record).events[2].data).toMatchObject({ talkSeconds: 356, holdSeconds: 30, afterContactWorkSeconds: 45, handleSeconds: 431 });
    });

    it('ends at a transfer out of Connect, not when the customer later hung up on the third party', () => {
      const record = fixture('ctr-voice-answered');
      record.Agent.AgentInteractionDuration = null;
      record.Agent.CustomerHoldDuration = 0;
      record.Agent.AfterContactWorkDuration = 0;
      record.Agent.AfterContactWorkStartTimestamp = null;
      record.Agent.AfterContactWorkEndTimestamp = null;
      record.TransferredToEndpoint = { Address: '+862161234567', Type: 'TELEPHONE_NUMBER' };
      record.TransferCompletedTimestamp = '2026-11-25T01:33:19Z';
      record.DisconnectTimestamp = '2026-11-25T01:50:00Z';
      const { events } = map(record);
      expect(events.map((e) => e.type)).toEqual(['contact.queued', 'contact.answered', 'contact.transferred', 'contact.ended']);
      expect(events[3].data).toMatchObject({ talkSeconds: 180, handleSeconds: 180 });
    });
  });

  it('yields the same event ids when Connect re-sends an updated record, so only its new milestone is new', () => {
    const early = map(fixture('ctr-voice-answered-early')).events;
    const updated = map(fixture('ctr-voice-answered')).events;
    expect(early.map((e) => e.type)).toEqual(['contact.queued', 'contact.answered']);
    const newIds = updated.map((e) => e.id).filter((id) => !early.some((e) => e.id === id));
    expect(newIds).toEqual(['amazon-connect:5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b:ended']);
    expect(updated.slice(0, 2)).toEqual(early);
  });

  describe('a re-sent record, newest wins for what it adds', () => {
    const VOICE = '5a3f6b2e-8c1d-4e7f-9a0b-2c4d6e8f0a1b';
    const ids = (record: Ctr) => map(record).events.map((e) => e.id.slice(`amazon-connect:${VOICE}:`.length));

    it('holds contact.ended back while the agent is still in after-contact work, and the finished record brings it with the final figures', () => {
      const inWork = fixture('ctr-voice-in-after-contact-work');
      expect(ids(inWork)).toEqual(['queued', 'answered']);
      const finished = map(fixture('ctr-voice-answered')).events;
      expect(finished.find((e) => e.type === 'contact.ended')?.data).toMatchObject({
        talkSeconds: 356,
        holdSeconds: 30,
        afterContactWorkSeconds: 45,
        handleSeconds: 431,
      });
      // An unanswered contact has no after-contact work to wait for.
      expect(types({ ...fixture('ctr-voice-abandoned'), Agent: { AfterContactWorkStartTimestamp: '2026-11-25T02:10:00Z' } })).toContain('contact.ended');
    });

    it('maps survey attributes a post-contact flow set onto one survey.completed, timed at the update, its score on 1–5', () => {
      const { events, errors } = map(fixture('ctr-voice-surveyed'));
      expect(errors).toEqual([]);
      expect(events.map((e) => e.id.slice(`amazon-connect:${VOICE}:`.length))).toEqual(['queued', 'answered', 'ended', 'survey:1795570862000']);
      expect(events[3]).toEqual({
        id: `amazon-connect:${VOICE}:survey:1795570862000`,
        source: '/amazon-connect',
        type: 'survey.completed',
        time: '2026-11-25T01:41:02.000Z',
        data: {
          score: 4,
          platformScore: { value: '4', scale: '1-5' },
          surveyId: `amazon-connect:${VOICE}:survey`,
          contactId: VOICE,
          comment: 'Quick and polite, thanks',
        },
      });
      // Each older copy yields a subset of the newest's ids, with the same ids: nothing of it is new.
      const newest = ids(fixture('ctr-voice-surveyed'));
      for (const older of ['ctr-voice-in-after-contact-work', 'ctr-voice-answered', 'ctr-voice-answered-early']) {
        expect(newest).toEqual(expect.arrayContaining(ids(fixture(older))));
      }
    });

    it('makes a changed answer in a newer record a new survey event of the same survey (newest wins)', () => {
      const record = fixture('ctr-voice-surveyed');
      const newer = { ...record, LastUpdateTimestamp: '2026-11-25T02:05:00Z', Attributes: { ...record.Attributes, csat: '2' } };
      const [first, second] = [record, newer].map((r) => eventsOf(mapContactRecord(r)).find((e) => e.type === 'survey.completed'));
      expect(second).toMatchObject({ id: `amazon-connect:${VOICE}:survey:1795572300000`, time: '2026-11-25T02:05:00.000Z', data: { score: 2 } });
      expect(second?.data).toMatchObject({ surveyId: (first?.data as { surveyId: string }).surveyId });
      expect(first?.id).not.toBe(second?.id);
    });

    it('reads the attribute names and scale the centre configured, the first answered name winning', () => {
      const record = fixture('ctr-voice-surveyed');
      record.Attributes = { nps: '9', npsNote: ' ', csat: '' };
      const settings = { scoreAttributes: ['csat', 'nps'], commentAttribute: 'npsNote', scale: numericScale(0, 10) };
      const survey = eventsOf(mapContactRecord(record, settings)).find((e) => e.type === 'survey.completed');
      expect(survey?.data).toEqual({ score: 5, platformScore: { value: '9', scale: '0-10' }, surveyId: `amazon-connect:${VOICE}:survey`, contactId: VOICE });
      record.Attributes = { greetingPlayed: 'true' };
      expect(types(record)).not.toContain('survey.completed');
    });

    it('names a survey attribute that is no answer of the scale, taking nothing of the record', () => {
      const record = fixture('ctr-voice-surveyed');
      record.Attributes.csat = '7';
      expect(map(record)).toEqual({ events: [], errors: [{ path: 'Attributes.csat', message: 'Expected a number from 1 to 5, got "7"' }] });
    });
  });

  describe('contactSurveyFromEnv', () => {
    it('defaults to csat or surveyScore on 1–5 with the comment in surveyComment', () => {
      expect(contactSurveyFromEnv({})).toEqual(DEFAULT_CONTACT_SURVEY);
      expect(DEFAULT_CONTACT_SURVEY).toEqual({ scoreAttributes: ['csat', 'surveyScore'], commentAttribute: 'surveyComment', scale: numericScale(1, 5) });
    });

    it('reads names, a numeric or worded scale and no comment', () => {
      expect(
        contactSurveyFromEnv({
          INTAKE_CONNECT_SURVEY_SCORE_ATTRIBUTES: ' postCallRating , nps ',
          INTAKE_CONNECT_SURVEY_SCALE: '0-10',
          INTAKE_CONNECT_SURVEY_COMMENT_ATTRIBUTE: '',
        }),
      ).toEqual({ scoreAttributes: ['postCallRating', 'nps'], scale: numericScale(0, 10) });
      expect(contactSurveyFromEnv({ INTAKE_CONNECT_SURVEY_SCALE: 'bad / okay / good' }).scale).toEqual(wordedScale('bad', 'okay', 'good'));
    });

    it('stops startup on a setting that reads as nothing', () => {
      expect(() => contactSurveyFromEnv({ INTAKE_CONNECT_SURVEY_SCORE_ATTRIBUTES: ' , ' })).toThrow('names no attribute');
      expect(() => contactSurveyFromEnv({ INTAKE_CONNECT_SURVEY_SCALE: '5-1' })).toThrow('INTAKE_CONNECT_SURVEY_SCALE');
      expect(() => contactSurveyFromEnv({ INTAKE_CONNECT_SURVEY_SCALE: 'great' })).toThrow('INTAKE_CONNECT_SURVEY_SCALE');
    });
  });

  it('maps a chat (initiated through the API) as an inbound chat, keeping millisecond timestamps', () => {
    const { events, errors } = map(fixture('ctr-chat-answered'));
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.type, e.time])).toEqual([
      ['contact.queued', '2026-11-25T04:00:06.480Z'],
      ['contact.answered', '2026-11-25T04:00:11.902Z'],
      ['contact.ended', '2026-11-25T04:07:03.551Z'],
    ]);
    expect(events[0].data).toMatchObject({ channel: 'chat', direction: 'inbound', queue: 'Online Service' });
    expect(events[2].data).toEqual({
      contactId: 'e2d4f6a8-b0c2-4e4f-a6b8-c0d2e4f6a8b0',
      agentId: 'zhao.lei',
      queue: 'Online Service',
      talkSeconds: 412,
      afterContactWorkSeconds: 12,
      handleSeconds: 424,
      disconnectReason: 'AGENT_DISCONNECT',
    });
  });

  it('takes the agent from Agent.ARN when the record has no Agent.Username', () => {
    const record = fixture('ctr-voice-answered');
    record.Agent.Username = null;
    expect(map(record).events[1].data['agentId']).toBe(record.Agent.ARN);
  });

  it('maps an outbound call and an e-mail reply as outbound', () => {
    const outbound = { ...fixture('ctr-voice-answered'), InitiationMethod: 'OUTBOUND' };
    expect(map(outbound).events[0].data).toMatchObject({ channel: 'voice', direction: 'outbound' });
    const email = { ...fixture('ctr-voice-answered'), Channel: 'EMAIL', InitiationMethod: 'AGENT_REPLY' };
    expect(map(email).events[0].data).toMatchObject({ channel: 'email', direction: 'outbound' });
  });

  describe('an unmappable record', () => {
    const errorsOf = (record: unknown) => map(record).errors.map(({ path, message }) => ({ path, message }));

    it('names a missing ContactId and yields no events', () => {
      const record = fixture('ctr-voice-answered');
      delete record.ContactId;
      expect(map(record)).toEqual({ events: [], errors: [{ path: 'ContactId', message: expect.stringContaining('Required') }] });
    });

    it('says there is nothing to map when the record has no milestone timestamp at all', () => {
      const record = { ...fixture('ctr-voice-answered'), Queue: null, Agent: null, DisconnectTimestamp: null };
      expect(errorsOf(record)).toEqual([{ path: '', message: expect.stringContaining('Nothing to map') }]);
    });

    it('names each timestamp that is not ISO 8601, the only format contact records use', () => {
      const record = fixture('ctr-voice-answered');
      record.Queue.EnqueueTimestamp = 'yesterday';
      record.DisconnectTimestamp = 1795570605;
      expect(errorsOf(record)).toEqual([
        { path: 'Queue.EnqueueTimestamp', message: expect.stringContaining('not a timestamp') },
        { path: 'DisconnectTimestamp', message: expect.stringContaining('expected an ISO 8601 timestamp') },
      ]);
    });

    it('refuses tasks and unknown channels or initiation methods, naming the field', () => {
      expect(errorsOf({ ...fixture('ctr-voice-answered'), Channel: 'TASK' })).toEqual([{ path: 'Channel', message: expect.stringContaining('TASK') }]);
      expect(errorsOf({ ...fixture('ctr-voice-answered'), Channel: 'FAX' })).toEqual([{ path: 'Channel', message: expect.stringContaining("'FAX'") }]);
      expect(errorsOf({ ...fixture('ctr-voice-answered'), InitiationMethod: 'TELEPATHY' })).toEqual([
        { path: 'InitiationMethod', message: expect.stringContaining("'TELEPATHY'") },
      ]);
    });

    it('needs the queue name of an enqueued contact and the agent of an answered one', () => {
      const record = fixture('ctr-voice-answered');
      record.Queue.Name = null;
      record.Agent.Username = null;
      record.Agent.ARN = null;
      expect(errorsOf(record).map((e) => e.path)).toEqual(['Queue.Name', 'Agent.Username']);
    });

    it('reports a value the catalogue refuses on the record field it came from', () => {
      const record = fixture('ctr-voice-answered');
      record.Queue.Name = 'q'.repeat(256); // Connect allows 256 characters, the catalogue 200
      expect(errorsOf(record)).toEqual([{ path: 'Queue.Name', message: expect.stringContaining('data.queue of the contact.queued event') }]);
    });

    it('refuses what is not a record object', () => {
      expect(errorsOf('hello')).toEqual([{ path: '', message: 'Expected a contact record (a JSON object), got string' }]);
      expect(errorsOf(null)).toEqual([{ path: '', message: 'Expected a contact record (a JSON object), got null' }]);
    });
  });
});

describe('mapContactRecords', () => {
  it('maps every record of a delivery in order', () => {
    const mapped = mapContactRecords([fixture('ctr-voice-abandoned'), fixture('ctr-chat-answered')]);
    expect(eventsOf(mapped).map((e) => e.type)).toEqual([
      'contact.queued',
      'contact.abandoned',
      'contact.ended',
      'contact.queued',
      'contact.answered',
      'contact.ended',
    ]);
  });

  it('refuses the whole delivery when any record is unmappable, naming each by index', () => {
    const noId = fixture('ctr-chat-answered');
    delete noId.ContactId;
    expect(mapContactRecords([fixture('ctr-voice-answered'), noId, {}])).toEqual({
      outcome: 'unmappable',
      errors: [
        { index: 1, path: 'ContactId', message: expect.any(String) },
        { index: 2, path: 'ContactId', message: expect.any(String) },
        { index: 2, path: 'Channel', message: expect.any(String) },
        { index: 2, path: '', message: expect.stringContaining('Nothing to map') },
      ],
    });
    expect(mapContactRecords([])).toEqual({ outcome: 'unmappable', errors: [{ index: 0, path: '', message: 'The delivery holds no contact records' }] });
  });
});

import { mapVoiceCallback, voiceCallbackKind } from './voice-callback-mapping';
import { twimlFor } from './voice-twiml';

// Shapes from Twilio's documentation: the call parameters every Voice request carries
// (https://www.twilio.com/docs/voice/twiml#request-parameters) plus each callback's own.
const CALL = {
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  ApiVersion: '2010-04-01',
  CallSid: 'CA1f2e3d4c5b6a79881f2e3d4c5b6a7988',
  Direction: 'inbound',
  From: '+14155550123',
  To: '+14155559876',
  CallerCity: 'SAN FRANCISCO',
};
const RECEIVED = new Date('2026-11-30T09:30:42.000Z');
const at = (context: { queue?: string; agent?: string } = {}) => ({ receivedAt: RECEIVED, ...context });

const eventOf = (result: ReturnType<typeof mapVoiceCallback>) => {
  if (result.outcome !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(result)}`);
  expect(result.events).toHaveLength(1);
  return result.events[0];
};

describe('mapVoiceCallback: <Enqueue> and <Queue> callbacks', () => {
  it('a waitUrl fetch is the caller queued, at the time received less the seconds already waited', () => {
    const params = { ...CALL, QueueSid: 'QU5ef8732a3c49700934481addd5ce1659', QueuePosition: '3', QueueTime: '12', AvgQueueTime: '40', CurrentQueueSize: '3' };
    const event = eventOf(mapVoiceCallback(params, at({ queue: 'billing' })));
    expect(event).toEqual({
      id: `twilio:${CALL.CallSid}:queued`,
      source: `/twilio/voice/${CALL.AccountSid}`,
      type: 'contact.queued',
      time: '2026-11-30T09:30:30.000Z',
      data: { contactId: CALL.CallSid, channel: 'voice', queue: 'billing', direction: 'inbound', customer: { phone: '+14155550123' }, queueSid: params.QueueSid },
    });
    // Each loop of the wait music is the same milestone at the same instant.
    const later = eventOf(mapVoiceCallback({ ...params, QueueTime: '22' }, { receivedAt: new Date(RECEIVED.getTime() + 10_000) }));
    expect([later.id, later.time]).toEqual([event.id, event.time]);
    expect(later.data).toMatchObject({ queue: params.QueueSid });
  });

  it('the <Queue> url fetch is the answer, with QueueTime as the wait and the agent from the url', () => {
    const params = { ...CALL, QueueSid: 'QU5ef8732a3c49700934481addd5ce1659', QueueTime: '27', DequeingCallSid: 'CA99aa88bb77cc66dd55ee44ff33aa22bb' };
    const event = eventOf(mapVoiceCallback(params, at({ queue: 'billing', agent: 'alice' })));
    expect(event).toMatchObject({
      id: `twilio:${CALL.CallSid}:answered`,
      type: 'contact.answered',
      time: RECEIVED.toISOString(),
      data: { contactId: CALL.CallSid, agentId: 'alice', queue: 'billing', waitSeconds: 27 },
    });
    const noAgent = mapVoiceCallback(params, at());
    expect(noAgent).toEqual({ outcome: 'unmappable', eventType: 'queue-dequeue', errors: [expect.objectContaining({ path: 'query.agent' })] });
  });

  it('an <Enqueue> action with QueueResult hangup is an abandon when the caller left the queue', () => {
    const params = { ...CALL, QueueSid: 'QU5ef8732a3c49700934481addd5ce1659', QueueResult: 'hangup', QueueTime: '48' };
    expect(eventOf(mapVoiceCallback(params, at({ queue: 'billing' })))).toMatchObject({
      id: `twilio:${CALL.CallSid}:abandoned`,
      type: 'contact.abandoned',
      time: RECEIVED.toISOString(),
      data: { contactId: CALL.CallSid, queue: 'billing', waitSeconds: 48 },
    });
  });

  it.each([
    ['redirected', 'moved_out_of_queue'],
    ['leave', 'moved_out_of_queue'],
    ['queue-full', 'queue_full'],
    ['system-error', 'error'],
  ])('an <Enqueue> action with QueueResult %s ends the contact with queueOutcome %s, never an abandon', (result, outcome) => {
    const params = { ...CALL, QueueSid: 'QU5ef8732a3c49700934481addd5ce1659', QueueResult: result, QueueTime: '9' };
    expect(eventOf(mapVoiceCallback(params, at()))).toMatchObject({
      id: `twilio:${CALL.CallSid}:ended`,
      type: 'contact.ended',
      data: { queueOutcome: outcome, disconnectReason: outcome, dequeuedAt: RECEIVED.toISOString(), waitSeconds: 9 },
    });
  });

  it('a bridged result is ignored (the answer came from the <Queue> url); an unknown result or a missing QueueTime is named', () => {
    const bridged = mapVoiceCallback({ ...CALL, QueueResult: 'bridged', QueueTime: '20' }, at());
    expect(bridged).toMatchObject({ outcome: 'ignored', eventType: 'enqueue-action' });
    expect(mapVoiceCallback({ ...CALL, QueueResult: 'teleported', QueueTime: '20' }, at())).toMatchObject({
      outcome: 'unmappable',
      errors: [expect.objectContaining({ path: 'QueueResult' })],
    });
    expect(mapVoiceCallback({ ...CALL, QueueResult: 'hangup' }, at())).toMatchObject({ outcome: 'unmappable', errors: [expect.objectContaining({ path: 'QueueTime' })] });
    expect(mapVoiceCallback({ ...CALL, QueueResult: 'hangup', QueueTime: '4.5' }, at())).toMatchObject({ outcome: 'unmappable', errors: [expect.objectContaining({ path: 'QueueTime' })] });
  });
});

describe('mapVoiceCallback: status callbacks', () => {
  const status = (CallStatus: string, extra: Record<string, string> = {}) => ({
    ...CALL,
    CallStatus,
    CallbackSource: 'call-progress-events',
    SequenceNumber: '3',
    Timestamp: 'Mon, 30 Nov 2026 09:35:10 +0000',
    ...extra,
  });

  it('completed ends the contact at its Timestamp, with the call duration', () => {
    expect(eventOf(mapVoiceCallback(status('completed', { CallDuration: '327' }), at()))).toEqual({
      id: `twilio:${CALL.CallSid}:ended`,
      source: `/twilio/voice/${CALL.AccountSid}`,
      type: 'contact.ended',
      time: '2026-11-30T09:35:10.000Z',
      data: { contactId: CALL.CallSid, disconnectReason: 'completed', callDurationSeconds: 327 },
    });
  });

  it.each(['busy', 'no-answer', 'failed', 'canceled'])('%s (an outbound call that never connected) ends the contact with that reason', (callStatus) => {
    expect(eventOf(mapVoiceCallback(status(callStatus, { Direction: 'outbound-api' }), at()))).toMatchObject({
      type: 'contact.ended',
      data: { disconnectReason: callStatus },
    });
  });

  it.each(['initiated', 'ringing', 'in-progress'])('%s is no milestone', (callStatus) => {
    expect(mapVoiceCallback(status(callStatus), at())).toMatchObject({ outcome: 'ignored', eventType: 'call-status' });
  });

  it('names a Timestamp that is no RFC 2822 date, an unknown status, a missing CallSid, and an unknown callback', () => {
    expect(mapVoiceCallback(status('completed', { Timestamp: '2026-11-30T09:35:10Z' }), at())).toMatchObject({
      outcome: 'unmappable',
      errors: [expect.objectContaining({ path: 'Timestamp', message: expect.stringContaining('RFC 2822') })],
    });
    expect(mapVoiceCallback(status('vanished'), at())).toMatchObject({ outcome: 'unmappable', errors: [expect.objectContaining({ path: 'CallStatus' })] });
    const { CallSid: _dropped, ...withoutSid } = status('completed');
    expect(mapVoiceCallback(withoutSid, at())).toMatchObject({ outcome: 'unmappable', errors: [expect.objectContaining({ path: 'CallSid' })] });
    expect(mapVoiceCallback({ ...CALL }, at())).toMatchObject({ outcome: 'unmappable', errors: [expect.objectContaining({ path: 'CallStatus' })] });
  });

  it('with no Timestamp, the time received is the time', () => {
    const { Timestamp: _dropped, ...untimed } = status('completed');
    expect(eventOf(mapVoiceCallback(untimed, at())).time).toBe(RECEIVED.toISOString());
  });
});

describe('twimlFor', () => {
  it('answers queue callbacks with TwiML that lets the call go on, and status callbacks with nothing', () => {
    expect(voiceCallbackKind({ QueuePosition: '1' })).toBe('enqueue-wait');
    expect(twimlFor({ QueuePosition: '1' })).toContain('<Pause length="10"/>');
    expect(twimlFor({ DequeingCallSid: 'CA1' })).toContain('<Response/>');
    expect(twimlFor({ QueueResult: 'hangup' })).toContain('<Response/>');
    expect(twimlFor({ CallStatus: 'completed' })).toBeUndefined();
  });
});

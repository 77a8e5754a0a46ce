import { FieldReader } from '../kit/field-reader';
import { readGenesysNotification } from './notification-envelope';

const read = (delivery: Record<string, unknown>) => {
  const reader = FieldReader.of(delivery, ['iso8601']);
  const envelope = readGenesysNotification(reader);
  return { ...envelope, notification: envelope.notification?.record, eventBody: envelope.eventBody?.record, errors: reader.errors };
};

describe('readGenesysNotification: one reader of the notification channel and EventBridge envelopes', () => {
  const body = { conversationId: 'c-1', eventTime: 1795570623500 };
  const notification = { topicName: 'v2.detail.events.conversation.c-1.acw', version: '2', eventBody: body, metadata: { CorrelationId: 'x' } };

  it('reads a notification as a notification channel delivers it', () => {
    expect(read(notification)).toEqual({ notification, topic: 'v2.detail.events.conversation.c-1.acw', eventBody: body, errors: [] });
  });

  it('reads the notification an EventBridge event carries, its topic from detail-type when the notification names none', () => {
    const event = { 'detail-type': 'v2.detail.events.conversation.{id}.acw', source: 'aws.partner/genesys.com/cloud/x/y', detail: notification };
    expect(read(event)).toEqual({ notification, topic: notification.topicName, eventBody: body, errors: [] });
    const { topicName: _t, ...untitled } = notification;
    expect(read({ ...event, detail: untitled })).toMatchObject({ topic: 'v2.detail.events.conversation.{id}.acw', eventBody: body });
    // Errors found below the envelope name the EventBridge path.
    const reader = FieldReader.of(event, ['iso8601']);
    readGenesysNotification(reader).eventBody?.required('queueId');
    expect(reader.errors).toEqual([{ path: 'detail.eventBody.queueId', message: 'Required' }]);
  });

  it('says what is missing: an EventBridge event without its notification, a notification without a body, a topic of the wrong kind', () => {
    expect(read({ 'detail-type': 'v2.quality.surveys', detail: 'nope' })).toMatchObject({ notification: undefined, eventBody: undefined });
    expect(read({ topicName: 'channel.metadata', eventBody: 'heartbeat' })).toMatchObject({ topic: 'channel.metadata', eventBody: undefined });
    expect(read({ topicName: 7, eventBody: body })).toMatchObject({ topic: undefined, errors: [{ path: 'topicName', message: expect.stringContaining('Expected a string') }] });
  });
});

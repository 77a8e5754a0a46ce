import { newCloudEvent } from '@hotline/contracts';
import { encodeCloudEvent, routingKeyOf } from './cloud-event-codec';
import { UnpublishableEvent } from './unpublishable-event';

const event = newCloudEvent({
  type: 'case.opened',
  source: 'test',
  tenantId: 'acme',
  data: { caseId: 'c-1', type: 'network_fault', priority: 'P2', summary: 'no signal' },
});

describe('encodeCloudEvent', () => {
  it('repeats id, type, time and correlation id as AMQP properties', () => {
    const { content, options } = encodeCloudEvent({ ...event, time: '2026-01-01T00:00:00Z', correlationid: 'corr-1' });
    expect(JSON.parse(content.toString())).toMatchObject({ id: event.id, type: 'case.opened' });
    expect(options).toMatchObject({
      messageId: event.id,
      type: 'case.opened',
      timestamp: 1767225600,
      correlationId: 'corr-1',
      headers: { 'x-tenant-id': 'acme' },
    });
  });

  it("repeats the event's W3C trace context as AMQP headers, for tracing tools that read them", () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(encodeCloudEvent({ ...event, traceparent, tracestate: 'v=1' } as typeof event).options.headers).toEqual({
      'x-tenant-id': 'acme',
      traceparent,
      tracestate: 'v=1',
    });
    expect(encodeCloudEvent(event).options.headers).toEqual({ 'x-tenant-id': 'acme' });
  });

  it.each(['1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'not a time'])(
    'leaves out a timestamp AMQP cannot carry (%s)',
    (time) => {
      expect(encodeCloudEvent({ ...event, time }).options.timestamp).toBeUndefined();
    },
  );

  it('leaves out short strings over 255 bytes, counting UTF-8 bytes, not characters', () => {
    const id = '工'.repeat(86); // 258 bytes in 86 characters
    const { options } = encodeCloudEvent({ ...event, id, correlationid: 'c'.repeat(256) });
    expect(options.messageId).toBeUndefined();
    expect(options.correlationId).toBeUndefined();
    expect(encodeCloudEvent({ ...event, id: '工'.repeat(85) }).options.messageId).toBe('工'.repeat(85));
  });
});

describe('routingKeyOf', () => {
  it.each([
    ['a string', 'event', 'the outbox payload is not a JSON object'],
    ['null', null, 'the outbox payload is not a JSON object'],
    ['no type', { id: '1' }, 'the event has no type to route by'],
    ['a type over 255 bytes', { type: 'é'.repeat(128) }, 'the event type is 256 bytes; an AMQP routing key holds at most 255'],
  ])('refuses %s as unpublishable', (_, payload, reason) => {
    expect(() => routingKeyOf(payload)).toThrow(new UnpublishableEvent(reason));
  });

  it('is the event type', () => {
    expect(routingKeyOf(event)).toBe('case.opened');
  });
});

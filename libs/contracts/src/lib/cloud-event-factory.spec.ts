import { ContractViolationError, newCloudEvent, toCloudEvent } from './cloud-event-factory';
import { validateCloudEvent, validateIncomingEvent, type IncomingEvent } from './validation';

function incoming(extra: Record<string, unknown> = {}): IncomingEvent {
  const result = validateIncomingEvent({
    id: 'evt-1',
    source: 'https://pbx.example.com',
    type: 'contact.answered',
    time: '2025-01-31T09:30:00+08:00',
    data: { contactId: 'c-1', agentId: 'a-7' },
    ...extra,
  });
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.event;
}

describe('toCloudEvent', () => {
  it('fills in the tenant and keeps everything else', () => {
    const event = toCloudEvent(incoming(), { tenantId: 'acme' });
    expect(event).toEqual({
      specversion: '1.0',
      id: 'evt-1',
      source: 'https://pbx.example.com',
      type: 'contact.answered',
      time: '2025-01-31T09:30:00+08:00',
      datacontenttype: 'application/json',
      dataversion: '1',
      tenantid: 'acme',
      data: { contactId: 'c-1', agentId: 'a-7' },
    });
    expect(validateCloudEvent(event).ok).toBe(true);
  });

  it("uses the request's correlation id when the event has none", () => {
    expect(toCloudEvent(incoming(), { tenantId: 'acme', correlationId: 'req-9' }).correlationid).toBe('req-9');
  });

  it("keeps the event's own correlation id over the request's", () => {
    const event = toCloudEvent(incoming({ correlationid: 'client-3' }), { tenantId: 'acme', correlationId: 'req-9' });
    expect(event.correlationid).toBe('client-3');
  });

  it('leaves correlationid out when there is none', () => {
    expect('correlationid' in toCloudEvent(incoming(), { tenantId: 'acme' })).toBe(false);
  });

  it('refuses an empty tenant', () => {
    expect(() => toCloudEvent(incoming(), { tenantId: '' })).toThrow(TypeError);
  });

  it('keeps the data type of the incoming event', () => {
    const event = toCloudEvent(incoming(), { tenantId: 'acme' });
    if (event.type === 'contact.answered') {
      const agentId: string = event.data.agentId;
      expect(agentId).toBe('a-7');
    } else {
      throw new Error(`unexpected type ${event.type}`);
    }
  });
});

describe('newCloudEvent', () => {
  const params = {
    type: 'case.assigned' as const,
    source: '/hotline/dispatch',
    tenantId: 'acme',
    data: { caseId: 'k-1', agentId: 'a-7', assignedAt: '2025-01-31T09:31:00+08:00' },
  };

  it('builds a complete, valid CloudEvent with a new UUID and the current time', () => {
    const before = Date.now();
    const event = newCloudEvent(params);
    expect(event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      source: '/hotline/dispatch',
      type: 'case.assigned',
      time: expect.any(String),
      datacontenttype: 'application/json',
      dataversion: '1',
      tenantid: 'acme',
      data: params.data,
    });
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before - 1);
    expect(validateCloudEvent(event).ok).toBe(true);
    expect(newCloudEvent(params).id).not.toBe(event.id);
  });

  it('uses the given id, time, correlation, causation and subject', () => {
    const event = newCloudEvent<'case.assigned'>({
      ...params,
      id: 'case-k-1-assigned-1',
      time: new Date('2025-01-31T01:31:00Z'),
      correlationId: 'corr-1',
      causationId: 'evt-1',
      subject: 'k-1',
    });
    expect(event).toMatchObject({
      id: 'case-k-1-assigned-1',
      time: '2025-01-31T01:31:00.000Z',
      correlationid: 'corr-1',
      causationid: 'evt-1',
      subject: 'k-1',
    });
    const caseId: string = event.data.caseId;
    expect(caseId).toBe('k-1');
  });

  it('throws a ContractViolationError naming the bad fields', () => {
    let thrown: unknown;
    try {
      newCloudEvent({ ...params, data: { caseId: 'k-1', assignedAt: 'soon' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolationError);
    expect((thrown as ContractViolationError).issues).toEqual([{ path: 'data.assignedAt', message: expect.any(String) }]);
    expect((thrown as ContractViolationError).message).toContain('data.assignedAt');
  });

  it('checks the envelope too', () => {
    expect(() => newCloudEvent({ ...params, source: 'dispatch service' })).toThrow(/source/);
    expect(() => newCloudEvent({ ...params, tenantId: '' })).toThrow(/tenantid/);
  });

  it('type-checks data against the type', () => {
    // @ts-expect-error assignedAt is required by case.assigned
    const build = () => newCloudEvent({ ...params, data: { caseId: 'k-1' } });
    expect(build).toThrow(ContractViolationError);
  });
});

import { checkCompatibility, compareSchemas, type ContractSnapshot, type JsonSchemaObject } from './compatibility';

const object = (properties: Record<string, JsonSchemaObject>, required: string[] = []): JsonSchemaObject => ({
  type: 'object',
  properties,
  required,
  additionalProperties: {},
});

const contactQueued = object(
  {
    contactId: { type: 'string', minLength: 1, maxLength: 200 },
    channel: { type: 'string', enum: ['voice', 'chat'] },
    region: { type: 'string' },
    customer: object({ phone: { type: 'string', pattern: '^\\+?[0-9*]+$' } }),
    talkSeconds: { type: 'number', minimum: 0 },
    segments: { type: 'array', items: object({ text: { type: 'string' } }, ['text']), maxItems: 100 },
    time: { type: 'string', format: 'date-time' },
  },
  ['contactId', 'channel'],
);

function snapshot(events: Record<string, JsonSchemaObject>, envelope: JsonSchemaObject = object({})): ContractSnapshot {
  return {
    envelopes: { cloudEvent: envelope },
    events: Object.fromEntries(Object.entries(events).map(([type, data]) => [type, { version: '1', data }])),
  };
}

/** `contactQueued` with one property's schema replaced. */
function withProperty(name: string, schema: JsonSchemaObject): JsonSchemaObject {
  return { ...contactQueued, properties: { ...(contactQueued['properties'] as object), [name]: schema } };
}

const baseline = snapshot({ 'contact.queued': contactQueued });

function problems(current: ContractSnapshot): string[] {
  return checkCompatibility(baseline, current);
}

describe('checkCompatibility: incompatible changes', () => {
  it('reports an event type removed', () => {
    expect(problems(snapshot({}))).toEqual(["event 'contact.queued': event type removed"]);
  });

  it('reports an envelope removed or tightened', () => {
    expect(checkCompatibility(baseline, { ...baseline, envelopes: {} })).toEqual(["envelope 'cloudEvent': removed"]);
    const tightened = snapshot({ 'contact.queued': contactQueued }, object({ tenantid: { type: 'string' } }, ['tenantid']));
    expect(problems(tightened)).toEqual(["envelope 'cloudEvent': tenantid: new required property"]);
  });

  it('reports a version change: a breaking change is a new version published alongside', () => {
    const current = snapshot({ 'contact.queued': contactQueued });
    current.events['contact.queued'].version = '2';
    expect(problems(current)).toEqual([expect.stringMatching(/^event 'contact.queued': version changed from '1' to '2'/)]);
  });

  it('reports a property removed', () => {
    const { region: _region, ...properties } = contactQueued['properties'] as Record<string, JsonSchemaObject>;
    expect(problems(snapshot({ 'contact.queued': { ...contactQueued, properties } }))).toEqual([
      "event 'contact.queued': data.region: property removed",
    ]);
  });

  it('reports a nested property removed', () => {
    expect(problems(snapshot({ 'contact.queued': withProperty('customer', object({})) }))).toEqual([
      "event 'contact.queued': data.customer.phone: property removed",
    ]);
  });

  it('reports an optional property made required', () => {
    const current = { ...contactQueued, required: ['contactId', 'channel', 'region'] };
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.region: optional property made required",
    ]);
  });

  it('reports a new required property', () => {
    const current = {
      ...withProperty('queue', { type: 'string' }),
      required: ['contactId', 'channel', 'queue'],
    };
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.queue: new required property",
    ]);
  });

  it('reports a required property made optional (old consumers still require it)', () => {
    const current = { ...contactQueued, required: ['contactId'] };
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.channel: required property made optional",
    ]);
  });

  it.each([
    [{ type: 'number', minimum: 0 }, 'type changed from string to number'],
    [{ type: ['string', 'null'] }, 'type changed from string to null|string'],
    [{}, 'type changed from string to any'],
  ])('reports a type change to %j', (schema, change) => {
    expect(problems(snapshot({ 'contact.queued': withProperty('region', schema) }))).toEqual([
      `event 'contact.queued': data.region: ${change}`,
    ]);
  });

  it('reports a property made nullable through anyOf', () => {
    const current = withProperty('region', { anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.region: new alternative null (the value's type changed)",
    ]);
  });

  it('reports an item type change inside arrays', () => {
    const current = withProperty('segments', { type: 'array', items: object({ text: { type: 'integer' } }, ['text']), maxItems: 100 });
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.segments[].text: type changed from string to integer",
    ]);
  });

  it('reports an enum value removed', () => {
    const current = withProperty('channel', { type: 'string', enum: ['voice'] });
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      'event \'contact.queued\': data.channel: enum value "chat" removed',
    ]);
  });

  it('reports an enum or const added where any value was accepted', () => {
    expect(problems(snapshot({ 'contact.queued': withProperty('region', { type: 'string', enum: ['north'] }) }))).toEqual([
      'event \'contact.queued\': data.region: enum added (only "north" accepted)',
    ]);
    expect(problems(snapshot({ 'contact.queued': withProperty('region', { type: 'string', const: 'north' }) }))).toHaveLength(1);
  });

  it('reports a format added or changed', () => {
    expect(problems(snapshot({ 'contact.queued': withProperty('region', { type: 'string', format: 'uuid' }) }))).toEqual([
      "event 'contact.queued': data.region: format 'uuid' added",
    ]);
    expect(problems(snapshot({ 'contact.queued': withProperty('time', { type: 'string', format: 'date' }) }))).toEqual([
      "event 'contact.queued': data.time: format changed from 'date-time' to 'date'",
    ]);
  });

  it('reports a pattern added or changed', () => {
    expect(problems(snapshot({ 'contact.queued': withProperty('region', { type: 'string', pattern: '^[a-z]+$' }) }))).toEqual([
      "event 'contact.queued': data.region: pattern added",
    ]);
    const phone = object({ phone: { type: 'string', pattern: '^[0-9]+$' } });
    expect(problems(snapshot({ 'contact.queued': withProperty('customer', phone) }))).toEqual([
      "event 'contact.queued': data.customer.phone: pattern changed",
    ]);
  });

  it.each([
    ['contactId', { type: 'string', minLength: 2, maxLength: 200 }, 'minLength tightened from 1 to 2'],
    ['contactId', { type: 'string', minLength: 1, maxLength: 64 }, 'maxLength tightened from 200 to 64'],
    ['talkSeconds', { type: 'number', minimum: 1 }, 'minimum tightened from 0 to 1'],
    ['talkSeconds', { type: 'number', minimum: 0, maximum: 3600 }, 'maximum 3600 added'],
    ['talkSeconds', { type: 'number', minimum: 0, exclusiveMaximum: 10 }, 'exclusiveMaximum 10 added'],
    ['region', { type: 'string', minLength: 1 }, 'minLength 1 added'],
  ])('reports %s bounds tightened: %j', (name, schema, change) => {
    expect(problems(snapshot({ 'contact.queued': withProperty(name, schema) }))).toEqual([
      `event 'contact.queued': data.${name}: ${change}`,
    ]);
  });

  it('reports array bounds tightened', () => {
    const items = object({ text: { type: 'string' } }, ['text']);
    const current = withProperty('segments', { type: 'array', items, maxItems: 10, minItems: 1 });
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([
      "event 'contact.queued': data.segments: minItems 1 added",
      "event 'contact.queued': data.segments: maxItems tightened from 100 to 10",
    ]);
  });

  it('reports additional properties forbidden', () => {
    expect(problems(snapshot({ 'contact.queued': { ...contactQueued, additionalProperties: false } }))).toEqual([
      "event 'contact.queued': data: additional properties no longer allowed",
    ]);
  });

  it('reports a changed default', () => {
    expect(compareSchemas({ type: 'string', default: '1' }, { type: 'string', default: '2' })).toEqual([
      '(root): default changed from "1" to "2"',
    ]);
  });

  it('reports keywords it cannot judge instead of ignoring them', () => {
    expect(compareSchemas({ type: 'string' }, { type: 'string', not: { const: 'x' } })).toEqual([
      "(root): keyword 'not' changed; its compatibility cannot be checked automatically",
    ]);
  });

  it('reports every problem, across event types', () => {
    const two = snapshot({ 'contact.queued': contactQueued, 'case.opened': object({ caseId: { type: 'string' } }, ['caseId']) });
    const current = snapshot({
      'contact.queued': { ...contactQueued, required: ['contactId', 'channel', 'region'] },
      'case.opened': object({}, []),
    });
    expect(checkCompatibility(two, current)).toEqual([
      "event 'contact.queued': data.region: optional property made required",
      "event 'case.opened': data.caseId: property removed",
    ]);
  });
});

describe('checkCompatibility: compatible changes', () => {
  it('accepts an identical snapshot', () => {
    expect(problems(snapshot({ 'contact.queued': contactQueued }))).toEqual([]);
  });

  it('accepts a new optional property, top-level or nested', () => {
    const current = withProperty('priority', { type: 'string', enum: ['P1', 'P2'] });
    const nested = withProperty('customer', object({ phone: { type: 'string', pattern: '^\\+?[0-9*]+$' }, id: { type: 'string' } }));
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([]);
    expect(problems(snapshot({ 'contact.queued': nested }))).toEqual([]);
  });

  it('accepts a new event type and a new envelope', () => {
    const parked = object({ contactId: { type: 'string' } }, ['contactId']);
    const current = snapshot({ 'contact.queued': contactQueued, 'contact.parked': parked });
    current.envelopes['incomingEvent'] = object({});
    expect(problems(current)).toEqual([]);
  });

  it('accepts enum values added', () => {
    const channel = { type: 'string', enum: ['voice', 'chat', 'video'] };
    expect(problems(snapshot({ 'contact.queued': withProperty('channel', channel) }))).toEqual([]);
  });

  it('accepts relaxed bounds, a dropped format or pattern, and changed descriptions', () => {
    const current = {
      ...contactQueued,
      description: 'A contact waits in a queue.',
      properties: {
        ...(contactQueued['properties'] as object),
        contactId: { type: 'string', maxLength: 500, description: 'The platform id' },
        talkSeconds: { type: 'number', minimum: -1 },
        customer: object({ phone: { type: 'string' } }),
        time: { type: 'string' },
        segments: { type: 'array', items: object({ text: { type: 'string' } }, ['text']) },
      },
    };
    expect(problems(snapshot({ 'contact.queued': current }))).toEqual([]);
  });

  it('accepts property order and alternative order changes', () => {
    const reordered = compareSchemas(
      { anyOf: [{ type: 'string' }, { type: 'null' }] },
      { anyOf: [{ type: 'null' }, { type: 'string', description: 'x' }] },
    );
    expect(reordered).toEqual([]);
  });

  it('treats true and {} as the same schema', () => {
    expect(compareSchemas({ type: 'object', additionalProperties: true }, { type: 'object', additionalProperties: {} })).toEqual([]);
    expect(compareSchemas({ type: 'object', additionalProperties: false }, { type: 'object' })).toEqual([]);
  });
});

import { FieldReader, notAnObject } from './field-reader';

const reader = (record: Record<string, unknown>) => FieldReader.of(record, ['iso8601']);

describe('FieldReader', () => {
  it('reads nested fields by dotted path, array indexes included, with null and blank text as absent', () => {
    const r = reader({ Queue: { Name: ' Billing ', Arn: null }, Transcript: [{ Content: 'hi' }], Blank: '  ' });
    expect(r.string('Queue.Name')).toBe('Billing');
    expect(r.string('Queue.Arn')).toBeUndefined();
    expect(r.string('Transcript.0.Content')).toBe('hi');
    expect(r.string('Blank')).toBeUndefined();
    expect(r.value('Queue.Name.length')).toBeUndefined();
    expect(r.has('Queue.Arn')).toBe(true);
    expect(r.has('Queue.Missing')).toBe(false);
    expect(r.errors).toEqual([]);
  });

  it('takes nothing from Object.prototype', () => {
    expect(reader({}).value('constructor')).toBeUndefined();
    expect(reader({}).has('toString')).toBe(false);
  });

  it('names each field that is missing or of the wrong kind, by its path', () => {
    const r = reader({ Name: 5, Count: -1, At: 'yesterday' });
    expect(r.string('Name')).toBeUndefined();
    expect(r.amount('Count')).toBeUndefined();
    expect(r.timestamp('At')).toBeUndefined();
    expect(r.required('Id', 'the record has no Id')).toBeUndefined();
    expect(r.required('Name')).toBeUndefined(); // already reported as the wrong kind: not again
    expect(r.timestamp('Missing', true)).toBeUndefined();
    expect(r.errors).toEqual([
      { path: 'Name', message: 'Expected a string, got 5' },
      { path: 'Count', message: 'Expected a non-negative number, got -1' },
      { path: 'At', message: expect.stringContaining('expected an ISO 8601 timestamp') },
      { path: 'Id', message: 'Required: the record has no Id' },
      { path: 'Missing', message: 'Required' },
    ]);
  });

  it('reads timestamps in the formats it was given, as RFC 3339 UTC', () => {
    expect(reader({ At: '2026-11-25T09:30:00+08:00' }).timestamp('At')).toBe('2026-11-25T01:30:00.000Z');
    const epoch = reader({ At: 1795570200 });
    expect(epoch.timestamp('At')).toBeUndefined();
    expect(epoch.errors).toEqual([{ path: 'At', message: expect.stringContaining('is a number') }]);
  });

  it('reports the fields of nested objects and arrays with their full path, in one error list', () => {
    const r = reader({ participants: [{ sessions: [{ mediaType: 7 }, 'x'] }, null], conversation: { id: 'c-1' } });
    const [participant, ...others] = r.list('participants');
    expect(others).toEqual([]);
    const [session] = participant.list('sessions');
    expect(session.string('mediaType')).toBeUndefined();
    expect(r.at('conversation')?.string('id')).toBe('c-1');
    expect(r.at('conversation.id')).toBeUndefined();
    expect(r.list('absent')).toEqual([]);
    r.list('conversation');
    expect(r.errors).toEqual([
      { path: 'participants[1]', message: 'Expected an object' },
      { path: 'participants[0].sessions[1]', message: 'Expected an object' },
      { path: 'participants[0].sessions[0].mediaType', message: 'Expected a string, got 7' },
      { path: 'conversation', message: 'Expected an array' },
    ]);
  });

  it('says what a record that is no object is', () => {
    expect(notAnObject([], 'a contact record')).toEqual({ path: '', message: 'Expected a contact record (a JSON object), got an array' });
    expect(notAnObject(null, 'a file').message).toContain('got null');
  });
});

import { errorSerializer, messageOfLoggedError } from './error-serializer';

/** A QueryFailedError as TypeORM builds it: the driver error's fields copied onto it, plus the statement and its values. */
function queryFailedError(message: string, fields: Record<string, unknown>): Error {
  const driverError = Object.assign(new Error(message), { name: 'error', severity: 'ERROR', length: 179, ...fields });
  return Object.assign(new Error(message), {
    name: 'QueryFailedError',
    query: 'INSERT INTO intake.events (tenant_id, payload) VALUES ($1, $2)',
    parameters: ['acme', '{"customer":{"phone":"13812345678"}}'],
    driverError,
    ...fields,
  });
}

describe('errorSerializer', () => {
  it('keeps what failed and where, and drops the statement’s values and PostgreSQL’s echo of them', () => {
    const error = queryFailedError('duplicate key value violates unique constraint "events_pkey"', {
      code: '23505',
      detail: 'Key (tenant_id, event_id)=(acme, 13812345678) already exists.',
      schema: 'intake',
      table: 'events',
      constraint: 'events_pkey',
      where: 'JSON data, line 1: {"customer":{"phone":"13812345678"}}',
      hint: 'value 13812345678',
      internalQuery: 'SELECT 13812345678',
    });
    const logged = errorSerializer(error) as Record<string, unknown>;
    expect(logged).toMatchObject({
      type: 'Error',
      message: 'duplicate key value violates unique constraint "events_pkey"',
      code: '23505',
      table: 'events',
      constraint: 'events_pkey',
      query: 'INSERT INTO intake.events (tenant_id, payload) VALUES ($1, $2)',
      driverError: { code: '23505', severity: 'ERROR', constraint: 'events_pkey' },
    });
    expect(JSON.stringify(logged)).not.toContain('13812345678');
    for (const field of ['parameters', 'detail', 'where', 'hint', 'internalQuery', 'length']) {
      expect(logged).not.toHaveProperty(field);
      expect(logged['driverError']).not.toHaveProperty(field);
    }
  });

  it('blanks the values PostgreSQL quotes in its messages, in the stack too, and keeps the names it quotes', () => {
    const error = queryFailedError('invalid input syntax for type integer: "13812345678"', { code: '22P02' });
    const logged = errorSerializer(error) as Record<string, string>;
    expect(logged['message']).toBe('invalid input syntax for type integer: "…"');
    expect(logged['stack']).toMatch(/^QueryFailedError: invalid input syntax for type integer: "…"\n/);
    expect(JSON.stringify(logged)).not.toContain('13812345678');
    const outOfRange = errorSerializer(queryFailedError('value "99999999999" is out of range for type integer', { code: '22003' }));
    expect(outOfRange).toMatchObject({ message: 'value "…" is out of range for type integer' });
    const missing = errorSerializer(queryFailedError('column "x" of relation "events" does not exist', { code: '42703' }));
    expect(missing).toMatchObject({ message: 'column "x" of relation "events" does not exist' });
  });

  it('leaves other errors’ messages alone but still keeps only the known fields', () => {
    const error = Object.assign(new TypeError('x is not a function "y"'), { payload: { phone: '13812345678' }, code: 'ERR_X' });
    expect(errorSerializer(error)).toEqual({ type: 'TypeError', message: 'x is not a function "y"', stack: error.stack, code: 'ERR_X' });
  });

  it('passes through what is not an error', () => {
    expect(errorSerializer('text')).toBe('text');
    expect(errorSerializer(undefined)).toBeUndefined();
  });

  it('gives an error logged without a message of its own a message without values', () => {
    const error = queryFailedError('invalid input syntax for type integer: "13812345678"', { code: '22P02' });
    expect(messageOfLoggedError([error])).toEqual([{ err: error }, 'invalid input syntax for type integer: "…"']);
    expect(messageOfLoggedError([{ err: error, context: 'Filter' }])).toEqual([{ err: error, context: 'Filter' }, 'invalid input syntax for type integer: "…"']);
    expect(messageOfLoggedError([{ err: error }, 'request failed'])).toEqual([{ err: error }, 'request failed']);
    expect(messageOfLoggedError([{ count: 3 }])).toEqual([{ count: 3 }]);
    expect(messageOfLoggedError(['plain'])).toEqual(['plain']);
  });
});

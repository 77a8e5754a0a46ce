import { pinoHttp, type Options } from 'pino-http';
import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';
import { loadPlatformConfig } from '../src/lib/config/load-platform-config';
import { PlatformConfig } from '../src/lib/config/platform-config';
import { loggerParams } from '../src/lib/logging/logger-params';

/** What an event payload holds and a log must never: a phone number and a name. */
const SECRET = '13812345678 张三';

/**
 * Real failing statements against PostgreSQL, logged through the platform's own pino settings (as
 * the problem filter does: `logger.error(exception)` becomes `{err}`): the log line keeps the code,
 * the table and the statement, never the values.
 */
describe('error logs of failed SQL statements (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const lines: string[] = [];
  const logger = pinoHttp(loggerParams(new PlatformConfig('platform-test', loadPlatformConfig({ LOG_LEVEL: 'info' }))).pinoHttp as Options, {
    write: (line: string) => void lines.push(line),
  }).logger;

  const failure = async (sql: string, parameters: unknown[]): Promise<QueryFailedError> => {
    const error = await dataSource.query(sql, parameters).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    return error as QueryFailedError;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query('CREATE TABLE events (event_id text PRIMARY KEY, payload jsonb NOT NULL, attempts int)');
    await dataSource.query('INSERT INTO events (event_id, payload) VALUES ($1, $2)', [SECRET, { phone: SECRET }]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    lines.length = 0;
  });

  it.each([
    ['a duplicate key (23505, detail "Key (…)=(value)")', 'INSERT INTO events (event_id, payload) VALUES ($1, $2)', [SECRET, '{}'], '23505'],
    ['invalid JSON (22P02, where "JSON data, line 1: …")', 'INSERT INTO events (event_id, payload) VALUES ($1, $2)', ['e-2', `{"phone": "${SECRET}", oops`], '22P02'],
    ['a value of the wrong type (22P02, the value quoted in the message)', 'UPDATE events SET attempts = $1 WHERE event_id = $2', [`phone ${SECRET}`, 'e-1'], '22P02'],
    ['a number out of range (22003, the value quoted in the message)', 'UPDATE events SET attempts = $1 WHERE event_id = $2', ['13812345678', 'e-1'], '22003'],
    ['a NUL in text (22021)', 'INSERT INTO events (event_id, payload) VALUES ($1, $2)', [`${SECRET}\0`, '{}'], '22021'],
  ])('%s is logged with its code and statement, without the values', async (_, sql, parameters, code) => {
    const error = await failure(sql, parameters);
    expect(JSON.stringify({ ...error })).toContain('13812345678'); // what TypeORM's error holds, unserialized
    logger.error(error);
    logger.error({ err: error }, 'request failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('13812345678');
      expect(line).not.toContain('张三');
      expect(line).not.toContain('\\u5f20'); // nor escaped
      const { err } = JSON.parse(line) as { err: Record<string, unknown> };
      expect(err).toMatchObject({ type: 'QueryFailedError', code, query: sql, driverError: { code } });
      expect(err).not.toHaveProperty('parameters');
      expect(err).not.toHaveProperty('detail');
    }
  });
});

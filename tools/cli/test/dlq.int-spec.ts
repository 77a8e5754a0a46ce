import { type ChannelModel, type ConfirmChannel, connect, type GetMessage } from 'amqplib';
import { deleteBrokerObjects, eventually, TEST_AMQP_URL, testNamespace } from '@hotline/testing';
import { runHotline } from './support/run-hotline';

const namespace = testNamespace();
const QUEUE = `${namespace}.quality.kpis`;
const DEAD = `${QUEUE}.dead`;
/** A dead-letter queue whose consumer queue does not exist. */
const ORPHAN_DEAD = `${namespace}.dispatch.cases.dead`;
const QUORUM = { durable: true, arguments: { 'x-queue-type': 'quorum' } };

/** Runs the CLI as `npx hotline …` would, against this file's namespace on the test broker. */
const hotline = (argv: string[]) => runHotline(argv, { AMQP_URL: TEST_AMQP_URL, HOTLINE_NAMESPACE: namespace });

const letters = [
  { id: 'evt-1', type: 'contact.queued', error: 'relation "quality.tallies" does not exist', retries: 3, failedAt: '2025-01-02T03:04:05.000Z' },
  { id: 'evt-2', type: 'contact.answered', error: 'invalid event:\n  data.agentId: required', retries: 0, failedAt: '2025-01-02T03:04:06.000Z' },
];

describe('hotline dlq (real RabbitMQ)', () => {
  let connection: ChannelModel;
  let channel: ConfirmChannel;

  /** Takes everything on a queue (acking it), oldest first. */
  async function drain(queue: string): Promise<GetMessage[]> {
    const taken: GetMessage[] = [];
    for (let message = await channel.get(queue); message; message = await channel.get(queue)) {
      channel.ack(message);
      taken.push(message);
    }
    return taken;
  }

  /**
   * Waits until `count` messages are ready on the dead-letter queue. `list` returns what it looked
   * at by closing its connection, and the quorum queue takes them back a moment later; until then
   * another command would not see them.
   */
  const ready = (count: number) => eventually(async () => expect((await channel.checkQueue(DEAD)).messageCount).toBe(count));

  beforeAll(async () => {
    connection = await connect(TEST_AMQP_URL);
    channel = await connection.createConfirmChannel();
    for (const queue of [DEAD, QUEUE, ORPHAN_DEAD]) await channel.assertQueue(queue, QUORUM);
    for (const letter of letters) {
      channel.sendToQueue(DEAD, Buffer.from(JSON.stringify({ id: letter.id, type: letter.type })), {
        persistent: true,
        messageId: letter.id,
        type: letter.type,
        contentType: 'application/cloudevents+json',
        headers: { 'x-last-error': letter.error, 'x-retry-count': letter.retries, 'x-failed-at': letter.failedAt },
      });
    }
    channel.sendToQueue(ORPHAN_DEAD, Buffer.from('{}'), { persistent: true, messageId: 'evt-orphan' });
    await channel.waitForConfirms();
  });

  afterAll(async () => {
    await connection?.close();
    await deleteBrokerObjects([DEAD, QUEUE, ORPHAN_DEAD]);
  });

  it('list shows each dead letter on one line, oldest first, and leaves them there', async () => {
    const { exitCode, stdout, stderr } = await hotline(['dlq', 'list', '--queue', 'quality.kpis']);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const [header, ...rows] = stdout.split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['EVENT ID', 'TYPE', 'FAILED AT', 'RETRIES', 'LAST ERROR']);
    expect(rows.map((row) => row.split(/\s{2,}/))).toEqual([
      ['evt-1', 'contact.queued', '2025-01-02T03:04:05.000Z', '3', 'relation "quality.tallies" does not exist'],
      ['evt-2', 'contact.answered', '2025-01-02T03:04:06.000Z', '0', 'invalid event: data.agentId: required'],
    ]);

    // Listing again sees the same two: list took nothing.
    await ready(2);
    expect((await hotline(['dlq', 'list', '--queue', 'quality.kpis'])).stdout).toBe(stdout);
  });

  it('list --json gives every field with the body; --limit shows the first N and says how many there are', async () => {
    await ready(2);
    const json = await hotline(['dlq', 'list', '--queue', 'quality.kpis', '--json']);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      letters.map((letter) => ({
        eventId: letter.id,
        type: letter.type,
        failedAt: letter.failedAt,
        retries: letter.retries,
        lastError: letter.error,
        body: JSON.stringify({ id: letter.id, type: letter.type }),
      })),
    );

    await ready(2);
    const first = await hotline(['dlq', 'list', '--queue', 'quality.kpis', '--limit', '1', '--json']);
    expect(JSON.parse(first.stdout)).toEqual([expect.objectContaining({ eventId: 'evt-1' })]);
    expect(first.stderr).toBe(`Showing 1 of 2 dead letters in ${DEAD}; --limit shows more.`);
  });

  it('replay moves the dead letters back onto the queue with the retry count reset', async () => {
    await ready(2);
    const { exitCode, stdout } = await hotline(['dlq', 'replay', '--queue', 'quality.kpis']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(`Replayed 2 dead letters from ${DEAD} to ${QUEUE}.`);

    expect(await drain(DEAD)).toEqual([]);
    // In the order the dead-letter queue held them, which the listings before may have changed.
    const replayed = (await drain(QUEUE)).sort((a, b) => String(a.properties.messageId).localeCompare(b.properties.messageId));
    expect(replayed.map((message) => [message.properties.messageId, message.properties.type, message.content.toString()])).toEqual(
      letters.map((letter) => [letter.id, letter.type, JSON.stringify({ id: letter.id, type: letter.type })]),
    );
    for (const [i, message] of replayed.entries()) {
      expect(message.properties.headers).toMatchObject({
        'x-retry-count': 0,
        'x-last-error': letters[i].error,
        'x-failed-at': letters[i].failedAt,
        'x-replayed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }

    const empty = await hotline(['dlq', 'list', '--queue', 'quality.kpis']);
    expect(empty).toEqual({ exitCode: 0, stdout: `No dead letters in ${DEAD}.`, stderr: '' });
    expect((await hotline(['dlq', 'list', '--queue', 'quality.kpis', '--json'])).stdout).toBe('[]');
  });

  it('replay --limit moves only the first N', async () => {
    for (const id of ['evt-3', 'evt-4', 'evt-5']) channel.sendToQueue(DEAD, Buffer.from('{}'), { persistent: true, messageId: id });
    await channel.waitForConfirms();

    const { exitCode, stdout, stderr } = await hotline(['dlq', 'replay', '--queue', 'quality.kpis', '--limit', '1']);
    expect({ exitCode, stdout, stderr }).toEqual({
      exitCode: 0,
      stdout: `Replayed 1 dead letter from ${DEAD} to ${QUEUE}.`,
      stderr: 'Stopped at --limit 1; "npx hotline dlq list --queue quality.kpis" shows what is left.',
    });
    expect((await drain(QUEUE)).map((message) => message.properties.messageId)).toEqual(['evt-3']);
    expect((await drain(DEAD)).map((message) => message.properties.messageId)).toEqual(['evt-4', 'evt-5']);
  });

  it('names an unknown queue and exits 1, without a stack trace', async () => {
    for (const action of ['list', 'replay']) {
      const { exitCode, stdout, stderr } = await hotline(['dlq', action, '--queue', 'quality.unknown']);
      expect({ exitCode, stdout }).toEqual({ exitCode: 1, stdout: '' });
      expect(stderr).toContain(`Queue ${namespace}.quality.unknown.dead does not exist on RabbitMQ at `);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('refuses to replay into a queue that does not exist, keeping the dead letters', async () => {
    const { exitCode, stderr } = await hotline(['dlq', 'replay', '--queue', 'dispatch.cases']);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`Queue ${namespace}.dispatch.cases does not exist`);
    expect((await drain(ORPHAN_DEAD)).map((message) => message.properties.messageId)).toEqual(['evt-orphan']);
  });

  it('explains a wrong command line', async () => {
    const cases: [string[], string][] = [
      [['dlq', 'list'], '--queue is required.'],
      [['dlq', 'list', '--queue', 'quality.kpis.dead'], 'use quality.kpis.'],
      [['dlq', 'list', '--queue', 'kpis'], "--queue kpis: Unknown service 'kpis'"],
      [['dlq', 'replay', '--queue', 'quality.kpis', '--limit', 'all'], '--limit all is not a positive whole number.'],
      [['dlq', 'purge', '--queue', 'quality.kpis'], 'Unknown dlq action "purge".'],
    ];
    for (const [argv, message] of cases) {
      const { exitCode, stderr } = await hotline(argv);
      expect({ argv, exitCode, stderr }).toEqual({ argv, exitCode: 1, stderr: expect.stringContaining(message) });
      expect(stderr).toContain('npx hotline --help');
    }
  });
});

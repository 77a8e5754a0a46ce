import { publishOneByOne } from './publish-one-by-one';

const rows = ['a', 'b', 'c', 'd'].map((id) => ({ id, payload: id }));
const timeout = new Error('timeout');
const brokerAway = (error: Error) => error === timeout;

describe('publishOneByOne', () => {
  it('blames a refusal on its row and publishes the rows behind it', async () => {
    const outcome = await publishOneByOne(rows, async (p) => {
      if (p === 'b') throw new Error('PRECONDITION_FAILED - message size larger than configured max size');
    }, brokerAway);
    expect(outcome).toEqual({
      published: ['a', 'c', 'd'],
      refused: [{ id: 'b', reason: 'PRECONDITION_FAILED - message size larger than configured max size' }],
    });
  });

  it('stops at a broker that went away, without blaming the row', async () => {
    const tried: string[] = [];
    const outcome = await publishOneByOne(rows, async (p) => {
      tried.push(p);
      if (p === 'c') throw timeout;
    }, brokerAway);
    expect(outcome).toEqual({ published: ['a', 'b'], refused: [], brokerAway: timeout });
    expect(tried).toEqual(['a', 'b', 'c']);
  });

  it('names an error without a message by its type', async () => {
    const outcome = await publishOneByOne([rows[0]], async () => {
      throw new TypeError();
    }, brokerAway);
    expect(outcome.refused).toEqual([{ id: 'a', reason: 'TypeError' }]);
  });
});

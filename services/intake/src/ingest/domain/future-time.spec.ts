import { futureTimeIssues } from './future-time';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('futureTimeIssues', () => {
  it.each([
    ['the past', '2026-11-29T11:00:00Z'],
    ['now', '2026-11-29T12:00:00Z'],
    ['one minute ahead', '2026-11-29T12:01:00Z'],
    ['exactly the skew ahead', '2026-11-29T12:05:00Z'],
    ['exactly the skew ahead, in another offset', '2026-11-29T20:05:00+08:00'],
  ])('accepts %s', (_what, time) => {
    expect(futureTimeIssues(time, now, 300)).toEqual([]);
  });

  it('refuses a time beyond the skew, naming time and saying by how much', () => {
    expect(futureTimeIssues('2026-11-29T12:05:00.001Z', now, 300)).toEqual([
      {
        path: 'time',
        message:
          "2026-11-29T12:05:00.001Z is 301 s ahead of intake's clock (2026-11-29T12:00:00.000Z); at most 300 s of clock skew is " +
          "accepted: an event's time is when it happened, so check the sender's clock",
      },
    ]);
    expect(futureTimeIssues('2099-01-01T00:00:00Z', now, 300)).toEqual([{ path: 'time', message: expect.stringContaining('ahead') }]);
  });

  it('takes the skew from its argument; zero means nothing ahead of now', () => {
    expect(futureTimeIssues('2026-11-29T12:00:01Z', now, 0)).toHaveLength(1);
    expect(futureTimeIssues('2026-11-29T13:00:00Z', now, 3600)).toEqual([]);
  });

  it('leaves an unreadable time to the contract check', () => {
    expect(futureTimeIssues('yesterday', now, 300)).toEqual([]);
  });
});

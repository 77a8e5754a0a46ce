import { mapRatings, readRatings } from './zendesk-rating-mapping';

// The JSON format of Zendesk's Satisfaction Ratings API (legacy CSAT), as a webhook or a list page sends it.
const RATING = {
  id: 35436,
  url: 'https://example.zendesk.com/api/v2/satisfaction_ratings/35436.json',
  assignee_id: 135,
  group_id: 44,
  requester_id: 7881,
  ticket_id: 208,
  score: 'good',
  comment: 'Awesome support!',
  created_at: '2026-11-28T01:29:41Z',
  updated_at: '2026-11-28T01:30:02Z',
};

const map = (body: unknown) => {
  const delivery = readRatings(body);
  if (!delivery.ok) throw new Error(delivery.message);
  return mapRatings(delivery.records, delivery.batch);
};

describe('Zendesk satisfaction ratings → survey.completed', () => {
  it('maps a good rating to 5 on the ticket’s case, keeping the word and the agent', () => {
    expect(map({ satisfaction_rating: RATING })).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: 'zendesk:satisfaction:35436:1795829402000',
          source: '/zendesk/satisfaction-ratings',
          type: 'survey.completed',
          time: '2026-11-28T01:30:02.000Z',
          data: {
            score: 5,
            platformScore: { value: 'good', scale: 'bad/good' },
            surveyId: 'zendesk:35436',
            caseId: '208',
            comment: 'Awesome support!',
            agentId: '135',
          },
        },
      ],
    });
  });

  it('a changed rating is a new event of the same survey, at its new time', () => {
    const changed = map({ ...RATING, score: 'bad', reason: 'The issue was not resolved', updated_at: '2026-11-29T08:00:00Z' });
    expect(changed).toMatchObject({
      outcome: 'mapped',
      events: [{ id: 'zendesk:satisfaction:35436:1795939200000', data: { score: 1, surveyId: 'zendesk:35436', reason: 'The issue was not resolved' } }],
    });
  });

  it('ignores ratings offered but not answered; maps the answered ones of a list page', () => {
    expect(map({ ...RATING, score: 'offered' })).toMatchObject({ outcome: 'ignored' });
    const page = map({ satisfaction_ratings: [{ ...RATING, score: 'unoffered' }, { ...RATING, id: 2, score: 'bad' }], next_page: null });
    expect(page).toMatchObject({ outcome: 'mapped', events: [{ data: { score: 1, surveyId: 'zendesk:2' } }] });
  });

  it('names every missing or wrong field, with its index in a list', () => {
    expect(map({ ...RATING, score: 'meh', ticket_id: -1 })).toEqual({
      outcome: 'unmappable',
      errors: [
        { path: 'ticket_id', message: expect.stringContaining('Expected a Zendesk id') },
        { path: 'score', message: 'Expected one of bad, good, got "meh"' },
      ],
    });
    const { updated_at: _u, created_at: _c, ...untimed } = RATING;
    expect(map({ satisfaction_ratings: [RATING, untimed] })).toEqual({
      outcome: 'unmappable',
      errors: [{ index: 1, path: 'created_at', message: 'Required' }],
    });
    expect(readRatings({ rating: 5 })).toMatchObject({ ok: false });
  });
});

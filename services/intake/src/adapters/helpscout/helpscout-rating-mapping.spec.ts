import { mapHelpScoutRating } from './helpscout-rating-mapping';

// The Rating object of Help Scout's `satisfaction.ratings` webhook, as its developer docs show it.
const RATING = {
  id: 5434,
  customer: {
    id: 449379,
    firstName: 'John',
    lastName: 'Doe',
    emails: [{ id: 1220012, value: 'john.doe@example.com', location: 'work' }],
  },
  ticketId: 1560011,
  threadId: 3002084,
  mailbox: { id: 1234, name: 'My Mailbox' },
  rating: 'Great',
  comments: 'he was really helpful',
  createdAt: '2026-11-27T12:34:12Z',
  modifiedAt: '2026-11-28T20:18:33Z',
};

describe('Help Scout satisfaction ratings → survey.completed', () => {
  it('maps Great to 5 on the rated conversation, keeping the word on its scale and leaving the customer out', () => {
    expect(mapHelpScoutRating(RATING)).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: 'helpscout:rating:5434:1795897113000',
          source: '/helpscout/satisfaction-ratings',
          type: 'survey.completed',
          time: '2026-11-28T20:18:33.000Z',
          data: {
            score: 5,
            platformScore: { value: 'Great', scale: 'Bad/Okay/Great' },
            surveyId: 'helpscout:5434',
            caseId: '1560011',
            comment: 'he was really helpful',
          },
        },
      ],
    });
  });

  it.each([
    ['Great', 5],
    ['Okay', 3],
    ['ok', 3],
    ['Bad', 1],
    ['Not Good', 1],
    ['not-good', 1],
  ])('puts %s at %i, keeping the word as sent', (rating, score) => {
    expect(mapHelpScoutRating({ ...RATING, rating })).toMatchObject({
      outcome: 'mapped',
      events: [{ data: { score, platformScore: { value: rating, scale: 'Bad/Okay/Great' } } }],
    });
  });

  it('a changed rating is a new event of the same survey at its new time; without modifiedAt, createdAt is its time', () => {
    expect(mapHelpScoutRating({ ...RATING, rating: 'Bad', modifiedAt: '2026-11-29T08:00:00Z' })).toMatchObject({
      events: [{ id: 'helpscout:rating:5434:1795939200000', time: '2026-11-29T08:00:00.000Z', data: { score: 1, surveyId: 'helpscout:5434' } }],
    });
    const { modifiedAt: _m, ...unmodified } = RATING;
    expect(mapHelpScoutRating(unmodified)).toMatchObject({ events: [{ id: 'helpscout:rating:5434:1795782852000', time: '2026-11-27T12:34:12.000Z' }] });
  });

  it('names every missing or wrong field', () => {
    const { createdAt: _c, modifiedAt: _m, ...untimed } = RATING;
    expect(mapHelpScoutRating({ ...untimed, rating: 'Meh', ticketId: 'abc' })).toEqual({
      outcome: 'unmappable',
      eventType: 'satisfaction.ratings',
      errors: [
        { path: 'ticketId', message: 'Expected a Help Scout id (a positive integer), got "abc"' },
        { path: 'createdAt', message: 'Required' },
        { path: 'rating', message: 'Expected Great, Okay or Bad (or Not Good), got "Meh"' },
      ],
    });
    expect(mapHelpScoutRating({ ...RATING, id: undefined, rating: undefined })).toMatchObject({
      errors: [{ path: 'id', message: 'Required' }, { path: 'rating', message: 'Required: Great, Okay or Bad' }],
    });
    expect(mapHelpScoutRating([RATING])).toMatchObject({ outcome: 'unmappable', errors: [{ path: '', message: expect.stringContaining('got an array') }] });
  });
});

import { namedApiSchema } from '@hotline/platform';

/** The body of Help Scout's `satisfaction.ratings` webhook (its Rating object), as the mapping reads it. */
export const helpScoutRatingApiSchema = namedApiSchema('HelpScoutRating', {
  type: 'object',
  description: 'A Help Scout satisfaction rating (webhook Rating object), signed with X-HelpScout-Signature',
  required: ['id', 'ticketId', 'rating'],
  properties: {
    id: { type: 'integer' },
    ticketId: { type: 'integer', description: 'The rated conversation' },
    threadId: { type: 'integer' },
    rating: { type: 'string', example: 'Great', description: 'Great, Okay or Bad ("Not Good" is taken too)' },
    comments: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    modifiedAt: { type: 'string', format: 'date-time' },
  },
  additionalProperties: true,
});

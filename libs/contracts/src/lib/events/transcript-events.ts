import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, nonNegativeInt, text, redactions } from '../fields';

export const transcriptSegment = z
  .looseObject({
    role: z.enum(['agent', 'customer']),
    text: text(),
    beginOffsetMs: nonNegativeInt(),
    endOffsetMs: nonNegativeInt(),
  })
  .superRefine((segment, ctx) => {
    if (
      typeof segment.beginOffsetMs === 'number' &&
      typeof segment.endOffsetMs === 'number' &&
      segment.endOffsetMs < segment.beginOffsetMs
    ) {
      ctx.addIssue({ code: 'custom', path: ['endOffsetMs'], message: 'endOffsetMs must not be before beginOffsetMs' });
    }
  }, evenIfOtherFieldsFail);

export const transcriptRecorded = defineEvent({
  type: 'transcript.recorded',
  version: '1',
  description: "A contact's transcript (speech-to-text or chat log), as ordered segments with offsets from the contact's start.",
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    language: z.enum(['zh', 'en']),
    segments: z.array(transcriptSegment).max(10_000),
    agentId: identifier().optional(),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, nonNegativeInt, text, redactions } from '../fields';

/** A stretch of the conversation, in milliseconds from its start. */
const offsetSpan = z.looseObject({ beginOffsetMs: nonNegativeInt(), endOffsetMs: nonNegativeInt() });

export const transcriptSegment = z
  .looseObject({
    role: z.enum(['agent', 'customer']),
    text: text(),
    beginOffsetMs: nonNegativeInt(),
    endOffsetMs: nonNegativeInt(),
    /** Where the platform itself redacted personal data in this segment (e.g. Contact Lens's RedactedTimestamps). */
    platformRedactions: z.array(offsetSpan).max(1_000).optional(),
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
    /** The platform redacted personal data itself before sending (e.g. a Contact Lens redacted file). */
    platformRedacted: z.boolean().optional(),
    /** The id of an earlier transcript of the same contact this one replaces (a redacted file after its original). */
    supersedes: identifier().optional(),
    /** Categories the platform's own rules matched, with where in the conversation (Contact Lens categories). */
    categories: z
      .array(z.looseObject({ name: text().min(1).max(200), pointsOfInterest: z.array(offsetSpan).max(1_000).optional() }))
      .max(500)
      .optional(),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, nonNegativeInt, text, redactions, timestamp } from '../fields';

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
    categories: platformCategories(),
  }),
});

/** A stretch of a segment's text, in characters (how a chat's live analysis places its redactions). */
const characterSpan = z.looseObject({ beginOffsetChar: nonNegativeInt(), endOffsetChar: nonNegativeInt() });

/** A final segment of a live analysis: the platform's own id for it, and where it is in the contact. */
export const liveTranscriptSegment = z
  .looseObject({
    /** The platform's id of the segment (Contact Lens's Transcript Id): the same segment sent again keeps it. */
    segmentId: identifier(),
    role: z.enum(['agent', 'customer']),
    text: text(),
    /** A call's segment: milliseconds from the contact's start. */
    beginOffsetMs: nonNegativeInt().optional(),
    endOffsetMs: nonNegativeInt().optional(),
    /** A chat's message: when it was sent. */
    at: timestamp().optional(),
    /** The platform's sentiment of the segment, as it names it (POSITIVE, NEUTRAL, NEGATIVE, MIXED). */
    sentiment: z.string().min(1).max(40).optional(),
    platformRedactions: z.array(offsetSpan).max(1_000).optional(),
    /** Where the platform redacted personal data in the text, in characters (a chat's live analysis). */
    platformRedactedCharacters: z.array(characterSpan).max(1_000).optional(),
  })
  .superRefine((segment, ctx) => {
    const begin = segment.beginOffsetMs;
    const end = segment.endOffsetMs;
    if ((begin === undefined) !== (end === undefined)) {
      ctx.addIssue({ code: 'custom', path: [begin === undefined ? 'beginOffsetMs' : 'endOffsetMs'], message: 'beginOffsetMs and endOffsetMs go together' });
    } else if (begin === undefined && segment.at === undefined) {
      ctx.addIssue({ code: 'custom', path: ['beginOffsetMs'], message: 'beginOffsetMs and endOffsetMs (a call) or at (a chat) is required' });
    } else if (typeof begin === 'number' && typeof end === 'number' && end < begin) {
      ctx.addIssue({ code: 'custom', path: ['endOffsetMs'], message: 'endOffsetMs must not be before beginOffsetMs' });
    }
  }, evenIfOtherFieldsFail);

export const transcriptSegmented = defineEvent({
  type: 'transcript.segmented',
  version: '1',
  description:
    "Final segments of a contact's transcript as the platform analyses it live (e.g. Contact Lens real-time analysis), each with the platform's own id, so a consumer can assemble them in order. Not the whole transcript: that still comes as transcript.recorded.",
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    language: z.enum(['zh', 'en']),
    segments: z.array(liveTranscriptSegment).max(10_000),
    /** The platform redacted personal data itself before sending. */
    platformRedacted: z.boolean().optional(),
    /** The id of an event with the same segments this one replaces (the redacted copy of a raw delivery). */
    supersedes: identifier().optional(),
    categories: platformCategories(),
  }),
});

/** Categories the platform's own rules matched, with where in the conversation (Contact Lens categories). */
function platformCategories() {
  return z
    .array(z.looseObject({ name: text().min(1).max(200), pointsOfInterest: z.array(offsetSpan).max(1_000).optional() }))
    .max(500)
    .optional();
}

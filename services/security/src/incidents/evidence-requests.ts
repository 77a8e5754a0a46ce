import { z } from 'zod';
import { CUSTODY_ACTIONS } from './domain/evidence';

/** `POST /v1/incidents/:id/evidence`: the content as base64 and the SHA-256 the sender computed of it. */
export const addEvidenceRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('A file name or label, e.g. `call-C-1.wav`'),
  mediaType: z
    .string()
    .max(200)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'A media type, e.g. audio/wav')
    .describe('The content’s media type'),
  content: z
    .string()
    .min(1, 'The evidence has no content')
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'Standard base64 (RFC 4648 §4) with padding')
    .describe('The bytes, base64'),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'The content’s SHA-256, 64 hex digits')
    .describe('SHA-256 of the decoded content, hex; refused (422) if it is not the content’s'),
});

/** `POST …/evidence/:evidenceId/custody`: a hand-over or handling of the evidence. */
export const custodyRequest = z
  .strictObject({
    action: z.enum(CUSTODY_ACTIONS),
    to: z.string().trim().min(1).max(200).optional().describe('Who receives it; required for `transferred`'),
    note: z.string().trim().min(1).max(4000).optional(),
  })
  .refine(({ action, to }) => action !== 'transferred' || to !== undefined, { path: ['to'], message: 'Name who receives the evidence' });

import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, label, text, redactions } from '../fields';

export const surveyCompleted = defineEvent({
  type: 'survey.completed',
  version: '1',
  description: 'A customer answered a satisfaction survey about a contact or a case (score 1 to 5).',
  publishedBy: 'platform',
  data: z
    .looseObject({
    redactions: redactions(),
      score: z.number().int().min(1).max(5),
      contactId: identifier().optional(),
      caseId: identifier().optional(),
      comment: text().optional(),
      /**
       * The platform's own answer before it was put on the 1–5 scale (`score`), so nothing is lost
       * in the rounding: e.g. `{value: 'good', scale: 'good/bad'}`, `{value: 9, scale: '0-10'}`.
       */
      platformScore: z.looseObject({ value: z.union([z.number(), label()]), scale: label() }).optional(),
      /** The platform's survey response: a changed answer is re-sent under a new event id and the same surveyId, and the newest wins. */
      surveyId: identifier().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.contactId === undefined && data.caseId === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'contactId or caseId is required' });
      }
    }, evenIfOtherFieldsFail),
});

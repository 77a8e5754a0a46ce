import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, text, redactions } from '../fields';

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
    })
    .superRefine((data, ctx) => {
      if (data.contactId === undefined && data.caseId === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'contactId or caseId is required' });
      }
    }, evenIfOtherFieldsFail),
});

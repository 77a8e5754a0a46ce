import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, label, seconds, redactions } from '../fields';

/** How a contact reached the centre. */
export const contactChannel = z.enum(['voice', 'chat', 'email', 'callback', 'video']);

export const contactQueued = defineEvent({
  type: 'contact.queued',
  version: '1',
  description: 'A contact (call, chat, …) entered a queue and waits for an agent.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    channel: contactChannel,
    queue: label(),
    direction: z.enum(['inbound', 'outbound']),
    region: label().optional(),
    customer: z
      .looseObject({
        id: identifier().optional(),
        phone: z.string().min(1).max(64).optional(),
      })
      .optional(),
  }),
});

export const contactAnswered = defineEvent({
  type: 'contact.answered',
  version: '1',
  description: 'An agent answered a queued contact.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    agentId: identifier(),
    queue: label().optional(),
  }),
});

export const contactAbandoned = defineEvent({
  type: 'contact.abandoned',
  version: '1',
  description: 'The customer hung up or left before an agent answered.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    queue: label().optional(),
  }),
});

export const contactTransferred = defineEvent({
  type: 'contact.transferred',
  version: '1',
  description: 'A contact was transferred to another queue or agent; at least one of toQueue and toAgentId is set.',
  publishedBy: 'platform',
  data: z
    .looseObject({
    redactions: redactions(),
      contactId: identifier(),
      toQueue: label().optional(),
      toAgentId: identifier().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.toQueue === undefined && data.toAgentId === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'toQueue or toAgentId is required' });
      }
    }, evenIfOtherFieldsFail),
});

export const contactEnded = defineEvent({
  type: 'contact.ended',
  version: '1',
  description: 'A contact ended (hang-up, chat closed), with its handling times when the platform knows them.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    agentId: identifier().optional(),
    talkSeconds: seconds().optional(),
    holdSeconds: seconds().optional(),
    afterContactWorkSeconds: seconds().optional(),
    disconnectReason: label().optional(),
  }),
});

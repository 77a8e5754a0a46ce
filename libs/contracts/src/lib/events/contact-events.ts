import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { evenIfOtherFieldsFail, identifier, label, seconds, redactions, timestamp } from '../fields';

/** How long the contact waited in the queue, as the platform measured it (its own speed of answer / time to abandon). */
const waitSeconds = () => seconds().optional();

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
    /** The answering agent's team, when the platform knows it (KPIs per team). */
    team: label().optional(),
    queue: label().optional(),
    waitSeconds: waitSeconds(),
  }),
});

export const contactAbandoned = defineEvent({
  type: 'contact.abandoned',
  version: '1',
  description: 'The customer hung up or left while waiting in the queue, before an agent answered; its time is when it left the queue.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    queue: label().optional(),
    waitSeconds: waitSeconds(),
  }),
});

export const contactTransferred = defineEvent({
  type: 'contact.transferred',
  version: '1',
  description:
    'A contact was transferred to another queue or agent, or out of the centre; at least one of toQueue, toAgentId and toEndpoint is set.',
  publishedBy: 'platform',
  data: z
    .looseObject({
    redactions: redactions(),
      contactId: identifier(),
      toQueue: label().optional(),
      toAgentId: identifier().optional(),
      /** A destination outside the centre (an external phone number or address). */
      toEndpoint: label().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.toQueue === undefined && data.toAgentId === undefined && data.toEndpoint === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'toQueue, toAgentId or toEndpoint is required' });
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
    /** The handling agent's team, when the platform knows it (KPIs per team). */
    team: label().optional(),
    talkSeconds: seconds().optional(),
    holdSeconds: seconds().optional(),
    afterContactWorkSeconds: seconds().optional(),
    /** Talk, hold and after-contact work as the platform totals them, when it does. */
    handleSeconds: seconds().optional(),
    disconnectReason: label().optional(),
    /** The queue the contact waited in, answered or not. */
    queue: label().optional(),
    /** How a contact left its queue when no agent answered it (callback_requested, voicemail, transferred, timed_out…). */
    queueOutcome: label().optional(),
    /** When it left the queue, so its wait is exact even when the contact ended later. */
    dequeuedAt: timestamp().optional(),
    waitSeconds: waitSeconds(),
  }),
});

export const contactCompleted = defineEvent({
  type: 'contact.completed',
  version: '1',
  description:
    'The agent finished the after-contact work (wrap-up) of a contact that ended earlier: its time is when the work was done. ' +
    'A milestone of its own, so its after-contact work is the time since `contact.ended` whatever order the two arrive in.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    contactId: identifier(),
    agentId: identifier().optional(),
    /** The handling agent's team, when the platform knows it (KPIs per team). */
    team: label().optional(),
    queue: label().optional(),
    /** The after-contact work as the platform measured it, when it does; else it is the time since `contact.ended`. */
    afterContactWorkSeconds: seconds().optional(),
    /** The platform's own reason or disposition for the completion. */
    completedReason: label().optional(),
  }),
});

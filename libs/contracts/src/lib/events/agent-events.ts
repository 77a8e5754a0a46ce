import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, redactions } from '../fields';

export const agentStatusChanged = defineEvent({
  type: 'agent.status_changed',
  version: '1',
  description: "An agent's availability changed.",
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    agentId: identifier(),
    status: z.enum(['available', 'busy', 'away', 'offline']),
    team: label().optional(),
    skills: z.array(label()).max(200).optional(),
    languages: z.array(label()).max(50).optional(),
  }),
});

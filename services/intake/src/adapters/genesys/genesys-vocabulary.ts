import type { ContactChannel } from '../kit/mapped-event';

/** The CloudEvents source of every event mapped from Genesys Cloud, whichever feed brought it. */
export const GENESYS_SOURCE = '/genesys/cloud';

/**
 * The id of a conversation's milestone (`queued`, `answered`, `abandoned`, `ended`, …): the same
 * whether a detail record or a live detail event brought it, so the two feeds never count one
 * milestone twice.
 */
export const milestoneId = (conversationId: string, milestone: string): string => `genesys:${conversationId}:${milestone}`;

/** Media types that are contacts (AnalyticsSession.mediaType; detail events write them upper-case), as catalogue channels. */
export const CHANNELS: ReadonlyMap<string, ContactChannel> = new Map([
  ['voice', 'voice'],
  ['callback', 'callback'],
  ['chat', 'chat'],
  ['message', 'chat'],
  ['email', 'email'],
  ['video', 'video'],
]);

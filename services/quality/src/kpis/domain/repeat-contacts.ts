/**
 * First-contact resolution by repeat contacts: a contact was resolved at first contact unless the
 * same customer contacted the centre again within the repeat window after it (72 h by default).
 * Which contacts a change can affect, and the flags, are plain functions of the customer's
 * contacts by time, so any order of arrival gives the same flags.
 */

export interface CustomerContact {
  contactId: string;
  /** The contact's time (epoch ms). */
  at: number;
}

const byTime = (a: CustomerContact, b: CustomerContact) => a.at - b.at || (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0);

/** For each of one customer's contacts: whether another followed it within `windowMs` (simultaneous ones ordered by id). */
export function followedByRepeat(contacts: readonly CustomerContact[], windowMs: number): Map<string, boolean> {
  const sorted = [...contacts].sort(byTime);
  return new Map(sorted.map((contact, i) => [contact.contactId, i + 1 < sorted.length && sorted[i + 1].at - contact.at <= windowMs]));
}

/**
 * The times whose contacts a contact placed at `times` (its old and new time) can change the flag
 * of: its predecessors within the window, and itself. Their flags need the contacts up to a window
 * after the last of them, so read `[from, to + windowMs]` and recount `[from, to]`.
 */
export function affectedRange(times: readonly number[], windowMs: number): { from: number; to: number } {
  return { from: Math.min(...times) - windowMs, to: Math.max(...times) };
}

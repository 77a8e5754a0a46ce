import type { CaseActor } from '../../cases/domain/service-case';

export type CommunicationDirection = 'inbound' | 'outbound';

/** What every recorded step of a complaint has: when (the injected clock's time) and who. */
interface EntryCommon {
  at: Date;
  actor: CaseActor;
}

/**
 * One step of a complaint's handling (MANUAL.md ch. 6), as recorded and exported. Kept in
 * `complaint_entries`, never changed once written: the history of an archived complaint is these.
 */
export type ComplaintEntry =
  | (EntryCommon & { kind: 'acknowledgement'; note: string | null; channel: string | null })
  | (EntryCommon & { kind: 'communication'; direction: CommunicationDirection; channel: string; summary: string; awaitingCustomer: boolean })
  | (EntryCommon & { kind: 'resolution'; resolution: string })
  | (EntryCommon & { kind: 'feedback'; satisfied: boolean; comment: string | null })
  | (EntryCommon & { kind: 'archive' });

export type ComplaintEntryKind = ComplaintEntry['kind'];

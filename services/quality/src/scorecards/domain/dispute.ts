import type { NewLedgerEntry } from './ledger-entry';

export const DISPUTE_STATES = ['open', 'upheld', 'rejected'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export type RulingDecision = 'upheld' | 'rejected';

export interface Dispute {
  id: string;
  tenantId: string;
  entryId: string;
  agentId: string;
  reason: string;
  state: DisputeState;
  openedAt: Date;
  ruledBy: string | null;
  ruledAt: Date | null;
  rulingNote: string | null;
  compensationEntryId: string | null;
}

/** Why a dispute or a ruling is refused. */
export class DisputeRefused extends Error {
  constructor(
    readonly code: 'not-yours' | 'not-disputable' | 'already-disputed' | 'already-ruled',
    message: string,
  ) {
    super(message);
  }
}

/**
 * An agent disputes one of their own entries that counts points: not someone else's, not a
 * compensation, not a zero-point entry, not one already reversed, and each entry once.
 */
export function openDispute(
  entry: NewLedgerEntry & { reversed: boolean },
  disputed: { id: string; agentId: string; reason: string; at: Date; alreadyDisputed: boolean },
): Dispute {
  if (entry.agentId !== disputed.agentId) throw new DisputeRefused('not-yours', `Entry ${entry.id} is not yours`);
  if (entry.kind === 'compensation' || entry.points === 0 || entry.reversed) {
    throw new DisputeRefused('not-disputable', `Entry ${entry.id} counts no points any more (a compensation, a zero-point entry, or reversed)`);
  }
  if (disputed.alreadyDisputed) throw new DisputeRefused('already-disputed', `Entry ${entry.id} has been disputed already`);
  return {
    id: disputed.id,
    tenantId: entry.tenantId,
    entryId: entry.id,
    agentId: disputed.agentId,
    reason: disputed.reason,
    state: 'open',
    openedAt: disputed.at,
    ruledBy: null,
    ruledAt: null,
    rulingNote: null,
    compensationEntryId: null,
  };
}

/** A supervisor rules once; an upheld dispute reverses its entry (the caller records the compensation). */
export function ruleOnDispute(
  dispute: Dispute,
  ruling: { decision: RulingDecision; note: string; by: string; at: Date; compensationEntryId: string | null },
): Dispute {
  if (dispute.state !== 'open') throw new DisputeRefused('already-ruled', `Dispute ${dispute.id} was ${dispute.state} already`);
  return {
    ...dispute,
    state: ruling.decision,
    ruledBy: ruling.by,
    ruledAt: ruling.at,
    rulingNote: ruling.note,
    compensationEntryId: ruling.decision === 'upheld' ? ruling.compensationEntryId : null,
  };
}

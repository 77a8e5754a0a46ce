import type { CaseStage } from '../../cases/domain/case-stage';
import type { CaseActor } from '../../cases/domain/service-case';
import type { ComplaintEntry } from './complaint-entry';

/** An event that filed the complaint (re-sent under another event id, it is listed again). */
export interface FilingRecord {
  at: Date;
  eventId: string;
  eventType: string;
  category: string | null;
  description: string;
  customerId: string | null;
}

/** A stage move of the complaint's case, as the case recorded it. */
export interface StageMoveRecord {
  at: Date;
  actor: CaseActor;
  from: CaseStage;
  to: CaseStage;
  reason: string;
  version: number;
}

/** One line of a complaint's full history (manual 6.4): its filing, its case's moves, and its own steps. */
export type HistoryEntry = ({ kind: 'filed' } & FilingRecord) | ({ kind: 'transition' } & StageMoveRecord) | ComplaintEntry;

/** Filings first at a tie, then stage moves (a resolution's move is recorded with it), then the complaint's own steps. */
const RANK: Record<'filed' | 'transition' | 'entry', number> = { filed: 0, transition: 1, entry: 2 };
const rankOf = (entry: HistoryEntry): number => (entry.kind === 'filed' || entry.kind === 'transition' ? RANK[entry.kind] : RANK.entry);

/**
 * The whole history, oldest first. Each input is already in its own order (filings and entries by
 * id, moves by version), which a stable sort keeps among lines of the same time and rank.
 */
export function complaintHistory(filings: readonly FilingRecord[], moves: readonly StageMoveRecord[], entries: readonly ComplaintEntry[]): HistoryEntry[] {
  const all: HistoryEntry[] = [
    ...filings.map((filing) => ({ kind: 'filed' as const, ...filing })),
    ...moves.map((move) => ({ kind: 'transition' as const, ...move })),
    ...entries,
  ];
  return all.sort((a, b) => a.at.getTime() - b.at.getTime() || rankOf(a) - rankOf(b));
}

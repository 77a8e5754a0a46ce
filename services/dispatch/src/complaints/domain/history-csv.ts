import { type CsvCell, toCsv } from '@hotline/csv';
import type { HistoryEntry } from './complaint-history';

/**
 * The columns of a complaint's CSV export, one row per history entry. `text` holds each entry's
 * words: the filed description, the move's reason, the note, message summary, resolution or comment.
 */
export const HISTORY_CSV_COLUMNS = [
  'at',
  'kind',
  'actor_id',
  'actor_kind',
  'actor_roles',
  'from_stage',
  'to_stage',
  'direction',
  'channel',
  'awaiting_customer',
  'satisfied',
  'category',
  'event_id',
  'text',
] as const;

type Column = (typeof HISTORY_CSV_COLUMNS)[number];

export function historyCsv(history: readonly HistoryEntry[]): string {
  return toCsv(
    HISTORY_CSV_COLUMNS,
    history.map((entry) => {
      const cells = cellsOf(entry);
      return HISTORY_CSV_COLUMNS.map((column) => cells[column]);
    }),
  );
}

function cellsOf(entry: HistoryEntry): Partial<Record<Column, CsvCell>> {
  const common = { at: entry.at.toISOString(), kind: entry.kind };
  if (entry.kind === 'filed') return { ...common, event_id: entry.eventId, category: entry.category, text: entry.description };
  const actor = { actor_id: entry.actor.id, actor_kind: entry.actor.kind, actor_roles: entry.actor.roles.join(' ') };
  switch (entry.kind) {
    case 'transition':
      return { ...common, ...actor, from_stage: entry.from, to_stage: entry.to, text: entry.reason };
    case 'acknowledgement':
      return { ...common, ...actor, channel: entry.channel, text: entry.note };
    case 'communication':
      return { ...common, ...actor, direction: entry.direction, channel: entry.channel, awaiting_customer: entry.awaitingCustomer, text: entry.summary };
    case 'resolution':
      return { ...common, ...actor, text: entry.resolution };
    case 'feedback':
      return { ...common, ...actor, satisfied: entry.satisfied, text: entry.comment };
    case 'archive':
      return { ...common, ...actor };
  }
}

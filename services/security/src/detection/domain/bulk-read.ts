import type { AppliedStandard, CountStandard } from '@hotline/standards';
import type { Detection } from '../../incidents/domain/detection-rules';

/** A read or an export of customer records, from the `audit.recorded` action's verb (`complaint.export`). */
export type ReadKind = 'read' | 'export';

export function readKindOf(action: string): ReadKind | undefined {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return verb === 'read' || verb === 'export' ? verb : undefined;
}

/** The standard whose count and window apply to a kind of read. */
export const BULK_STANDARD = { read: 'bulk-read-records', export: 'bulk-export-records' } as const;

/**
 * (c) One user read or exported, within the standard's window (this one included), at least its
 * count of customer records. One incident per user and window, for reads and exports alike; an
 * export is the graver (the data left the system).
 */
export function bulkRead(actorId: string, kind: ReadKind, recordsInWindow: number, standard: AppliedStandard<CountStandard>): Detection | undefined {
  if (recordsInWindow < standard.count) return undefined;
  const windowMinutes = standard.windowSeconds / 60;
  const verb = kind === 'export' ? 'exported' : 'read';
  return {
    type: 'bulk_read',
    severity: kind === 'export' ? 'P2' : 'P3',
    dedupKey: `bulk_read:${actorId}`,
    windowMinutes,
    summary: `${actorId} ${verb} ${recordsInWindow} customer records within ${windowMinutes} min`,
    detail: { actorId, kind, records: recordsInWindow, windowMinutes },
    standard: { standardId: standard.standardId, standardVersion: standard.standardVersion },
  };
}

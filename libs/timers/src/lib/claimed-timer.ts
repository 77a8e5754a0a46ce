import type { FiredTimer, TimerPayload } from './timer';

/** A row as the runner's claim returns it; `late_ms` is measured on the database's clock. */
export interface ClaimedTimerRow {
  tenant_id: string;
  kind: string;
  key: string;
  due_at: Date | string;
  payload: TimerPayload | null;
  attempts: number;
  late_ms: number;
}

/** What the handler is given for a claimed row: flagged late past `lateAfterMs` after due. */
export function toFiredTimer(row: ClaimedTimerRow, lateAfterMs: number): FiredTimer {
  const lateByMs = Math.max(0, Math.round(Number(row.late_ms)));
  return {
    tenantId: row.tenant_id,
    kind: row.kind,
    key: row.key,
    dueAt: new Date(row.due_at),
    payload: row.payload ?? {},
    attempt: Number(row.attempts) + 1,
    lateByMs,
    late: lateByMs > lateAfterMs,
  };
}

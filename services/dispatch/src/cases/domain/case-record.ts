/**
 * What a case's record needs before it is complete (先处理后记录, manual 2.2 step 3: handling never
 * waits for the record, which is completed after the fact). Kept deliberately small:
 * - every case: a summary of the problem;
 * - a fault (network or equipment): the region it is in, which sets its repair deadline (towns/rural);
 * - a complaint: the customer who complained, whom the reply goes to.
 */
export interface CaseRecordFields {
  type: string;
  summary: string;
  region: string | null;
  customerId: string | null;
}

export type RecordField = 'summary' | 'region' | 'customerId';

export function missingRecordFields({ type, summary, region, customerId }: CaseRecordFields): RecordField[] {
  const missing: RecordField[] = [];
  if (summary.trim().length === 0) missing.push('summary');
  if ((type === 'network_fault' || type === 'equipment_fault') && !region) missing.push('region');
  if (type === 'complaint' && !customerId) missing.push('customerId');
  return missing;
}

/** What `PATCH …/record` may set; category is no requirement of the record, only part of it. */
export const RECORD_EDITABLE = ['summary', 'region', 'customerId', 'category'] as const;
export type RecordEditable = (typeof RECORD_EDITABLE)[number];
export type RecordValues = Record<RecordEditable, string | null>;

/** One field's change, as the timeline and the audit show it. */
export interface FieldChange {
  from: string | null;
  to: string;
}

/** The fields a request really changes (a value equal to the current one is no change, so a repeat changes nothing). */
export function recordChanges(current: RecordValues, requested: Partial<Record<RecordEditable, string>>): Partial<Record<RecordEditable, FieldChange>> {
  const changes: Partial<Record<RecordEditable, FieldChange>> = {};
  for (const field of RECORD_EDITABLE) {
    const to = requested[field];
    if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
  }
  return changes;
}

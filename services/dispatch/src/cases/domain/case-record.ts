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

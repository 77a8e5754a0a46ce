import type { AlertCondition } from './alert-rule';
import type { Labels } from './silence';

/** A major outage dispatch declared (open until its parent case moves on to resolution). */
export interface OpenOutage {
  outageId: string;
  region: string;
}

/**
 * Why an alert is suppressed under an outage, if it is: a queue or tenant slip, or a breach, in a
 * region with an open outage (the outage's own page covers it), or a breach dispatch marked as
 * caused by one. Inhibited alerts are recorded, never paged. Low scores are the agent's own doing.
 */
export function inhibitingOutage(condition: AlertCondition, labels: Labels, outages: readonly OpenOutage[]): string | undefined {
  if (condition.kind === 'low-score') return undefined;
  if (labels['causedByOutage'] === 'true') return 'caused-by-outage';
  const region = labels['region'];
  if (region === undefined || region === '') return undefined;
  return outages.find((o) => o.region === region)?.outageId;
}

import type { Labels } from './silence';

/**
 * The group an alert pages under: the tenant and the values of the rule's `groupBy` labels (a
 * missing label counts as empty), e.g. `acme|rule=service-level-under-target|region=north`. Alerts of
 * one group are one page: the first raises, the others attach to it.
 */
export function groupKeyOf(tenantId: string, groupBy: readonly string[], labels: Labels): string {
  return [tenantId, ...[...groupBy].sort().map((name) => `${name}=${labels[name] ?? ''}`)].join('|');
}

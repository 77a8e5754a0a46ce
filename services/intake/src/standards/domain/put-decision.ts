import { canonicalJson } from './canonical-json';
import type { StandardVersion } from './standard-version';

/**
 * What a PUT of a tenant's standards version does (DESIGN decision 11; versions are immutable, as
 * verdicts recorded against them must stay re-judgeable): `created` a new version; `unchanged` when
 * the same content is sent again (idempotent: nothing is published again); `conflict` when the
 * version exists with other content, or another version takes effect at the same instant (consumers
 * could not tell which of the two is in force).
 */
export type PutDecision<V extends StandardVersion = StandardVersion> =
  | { outcome: 'created' }
  | { outcome: 'unchanged'; kept: V }
  | { outcome: 'conflict'; detail: string };

/** Decides a PUT of `incoming` given every version the tenant already has. */
export function decidePut<V extends StandardVersion>(incoming: StandardVersion, kept: readonly V[]): PutDecision<V> {
  const same = kept.find((version) => version.version === incoming.version);
  if (same) {
    return sameContent(same, incoming)
      ? { outcome: 'unchanged', kept: same }
      : {
          outcome: 'conflict',
          detail:
            `Tenant ${incoming.tenantId} already has standards version ${incoming.version} with other content; ` +
            'a published version never changes: PUT a new version instead.',
        };
  }
  const at = instant(incoming.effectiveFrom);
  const sameInstant = kept.find((version) => instant(version.effectiveFrom) === at);
  if (sameInstant) {
    return {
      outcome: 'conflict',
      detail:
        `Tenant ${incoming.tenantId}'s standards version ${sameInstant.version} already takes effect at ` +
        `${new Date(at).toISOString()}; version ${incoming.version} needs another effectiveFrom.`,
    };
  }
  return { outcome: 'created' };
}

function sameContent(a: StandardVersion, b: StandardVersion): boolean {
  return instant(a.effectiveFrom) === instant(b.effectiveFrom) && canonicalJson(a.standards) === canonicalJson(b.standards);
}

function instant(iso: string): number {
  return new Date(iso).getTime();
}

import { type EtiquetteRuleSet, weightedEtiquetteRules } from './etiquette-rules';
import type { AppliedStandard, StandardReference } from './standard';
import { isStandardId, type StandardId, type StandardOf } from './standard-ids';
import type { StandardSet } from './standard-set';

/**
 * The standards in force for one tenant at one instant. `standard(id)` gives a standard's value
 * with the `{ standardId, standardVersion }` every verdict must record (MANUAL ch. 8).
 */
export class ResolvedStandards {
  constructor(readonly set: StandardSet) {}

  /** The version verdicts record: '1' for the built-in set, `acme:3@1` for a tenant's. */
  get version(): string {
    return this.set.version;
  }

  /** The standard's value, plus `standardId` and `standardVersion` to record with any verdict. */
  standard<K extends StandardId>(id: K): AppliedStandard<StandardOf<K>> {
    if (!isStandardId(id)) {
      throw new Error(`Unknown standard '${String(id)}'`);
    }
    const standard: StandardOf<K> = this.set.standards[id];
    const applied: AppliedStandard<StandardOf<K>> = { ...standard, ...this.reference(id) };
    Object.freeze(applied);
    return applied;
  }

  /** The etiquette rules with this set's weights: Hotline's defaults, made heavier by a tenant's version. */
  etiquetteRules(): EtiquetteRuleSet {
    this.weighted ??= weightedEtiquetteRules(this.set.etiquetteWeights);
    return this.weighted;
  }

  private weighted?: EtiquetteRuleSet;

  /** Just what a verdict records: `{ standardId, standardVersion }`. */
  reference(id: StandardId): StandardReference {
    if (!isStandardId(id)) {
      throw new Error(`Unknown standard '${String(id)}'`);
    }
    return { standardId: id, standardVersion: this.set.version };
  }
}

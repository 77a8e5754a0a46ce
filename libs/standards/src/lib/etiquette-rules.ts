import { deepFreeze } from './deep-freeze';
import type { StandardId } from './standard-ids';

/** The standards etiquette scoring applies (MANUAL ch. 3): their phrases and thresholds are the standards' values. */
export const etiquetteStandardIds = [
  'greeting',
  'self-identification',
  'polite-forms',
  'forbidden-phrases',
  'closing-offer',
  'closing-thanks',
  'long-silence',
  'long-hold',
  'interruption',
] as const satisfies readonly StandardId[];

export type EtiquetteStandardId = (typeof etiquetteStandardIds)[number];

export function isEtiquetteStandardId(id: string): id is EtiquetteStandardId {
  return (etiquetteStandardIds as readonly string[]).includes(id);
}

/** What breaching a rule costs: points per breach, at most `maxPoints` per contact. */
export interface EtiquetteWeight {
  points: number;
  maxPoints: number;
}

/** A tenant's heavier weights, by rule (only the rules it changed). */
export type EtiquetteWeights = Readonly<Partial<Record<EtiquetteStandardId, EtiquetteWeight>>>;

/** No rule costs more than the whole score. */
export const MAX_ETIQUETTE_POINTS = 100;

/**
 * One etiquette rule: which standard it checks, the manual clause a deduction cites and how many
 * points each breach costs (at most `maxPoints` per contact). What is checked — the phrases, the
 * longest silence — is the standard's value, so a tenant's tightened standard tightens the rule.
 */
export interface EtiquetteRule {
  id: EtiquetteStandardId;
  clause: string;
  points: number;
  maxPoints: number;
}

/** A versioned set of etiquette rules; a score records the version it was computed under. */
export interface EtiquetteRuleSet {
  version: string;
  /** How many of the agent's first (last) turns count as the opening (closing). */
  openingTurns: number;
  closingTurns: number;
  /** A staff number is digits within this many characters after the self-identification phrase. */
  staffNumberWithin: number;
  rules: readonly EtiquetteRule[];
}

/** Version 1: 100 points, each rule deducting what a supervisor's QA form would (Hotline default weights). */
export const etiquetteRules: EtiquetteRuleSet = deepFreeze({
  version: '1',
  openingTurns: 2,
  closingTurns: 2,
  staffNumberWithin: 12,
  rules: [
    { id: 'greeting', clause: 'Manual ch. 3.4: greet the customer at the start (您好)', points: 10, maxPoints: 10 },
    { id: 'self-identification', clause: 'Manual ch. 3.1: identify yourself by staff number (工号)', points: 10, maxPoints: 10 },
    { id: 'polite-forms', clause: 'Manual ch. 3.4: use polite forms (请/您/谢谢)', points: 10, maxPoints: 10 },
    { id: 'forbidden-phrases', clause: 'Manual ch. 3.3: never use a forbidden service phrase (服务禁语)', points: 15, maxPoints: 45 },
    { id: 'closing-offer', clause: 'Manual ch. 3.3: offer further help before closing (请问还有什么可以帮您)', points: 10, maxPoints: 10 },
    { id: 'closing-thanks', clause: 'Manual ch. 3.4: thank the customer at the close (感谢您的来电)', points: 10, maxPoints: 10 },
    { id: 'long-silence', clause: 'Manual ch. 3.2: no long silences', points: 5, maxPoints: 15 },
    { id: 'long-hold', clause: 'Manual ch. 3.2: no long holds', points: 10, maxPoints: 20 },
    { id: 'interruption', clause: 'Manual ch. 3.3: do not talk over the customer', points: 5, maxPoints: 15 },
  ],
});

/** The rule with Hotline's default weight (the base a tenant's weights may only make heavier). */
export function defaultEtiquetteRule(id: EtiquetteStandardId): EtiquetteRule {
  return etiquetteRules.rules.find((rule) => rule.id === id) as EtiquetteRule;
}

/** The rules with a tenant's weights in place of the defaults; the rules themselves when it has none. */
export function weightedEtiquetteRules(weights: EtiquetteWeights | undefined): EtiquetteRuleSet {
  if (weights === undefined || Object.keys(weights).length === 0) return etiquetteRules;
  return deepFreeze({ ...etiquetteRules, rules: etiquetteRules.rules.map((rule) => ({ ...rule, ...weights[rule.id] })) });
}

/**
 * What a standard is: one rule of the manual (or of the regulation under it) as data.
 *
 * Four kinds: a `deadline` (a duration in wall-clock seconds), a `ratio` (a maximum share, 0..1),
 * `phrases` (bilingual lists of phrases an agent is expected to use, or must never use) and a `count`
 * (how many of something within a window trips a detection rule).
 */

/**
 * Where a standard sits in MANUAL ch. 1.3's hierarchy: national standards → industry standards →
 * enterprise standards (the manual itself, and Hotline's defaults where it is silent) → a tenant's
 * own service specification (`tenant`: a value a tenant changed).
 */
export type StandardLayer = 'national' | 'industry' | 'enterprise' | 'tenant';

export const standardLayers: readonly StandardLayer[] = ['national', 'industry', 'enterprise', 'tenant'];

export type StandardKind = 'deadline' | 'ratio' | 'phrases' | 'count';

interface StandardCommon {
  /** Stable identifier, kebab-case (`answer-time`); verdicts record it as `standardId`. */
  id: string;
  /** English title. */
  title: string;
  /** The manual's Chinese term, where the manual has one. */
  titleZh?: string;
  /** The manual chapter the standard belongs to, e.g. '2.1'. */
  chapter: string;
  layer: StandardLayer;
  /**
   * The source of the figure: a regulation (`《电信条例》`), the manual (`Manual ch. 2.1`), Hotline's
   * own default where the manual is silent (`Hotline default`), or a tenant's standard.
   */
  provenance: string;
  /** One sentence on what is measured. */
  description: string;
}

/** A time limit, in wall-clock seconds (business hours are not considered). */
export interface DeadlineStandard extends StandardCommon {
  kind: 'deadline';
  seconds: number;
  /** `each`: every case must meet it; `average`: the mean over a period must. */
  measure: 'each' | 'average';
  /** A shorter deadline is stricter. */
  lowerIsStricter: true;
  /** Set on a tenant's value: the standard it replaced. */
  derivedFrom?: DeadlineStandard;
}

/** A maximum share of bad outcomes, between 0 and 1 (1 in 10,000 is 0.0001). */
export interface RatioStandard extends StandardCommon {
  kind: 'ratio';
  max: number;
  /** A smaller maximum is stricter. */
  lowerIsStricter: true;
  /** Set on a tenant's value: the standard it replaced. */
  derivedFrom?: RatioStandard;
}

/** Phrases in each language the rules are checked in (MANUAL ch. 3: rules are bilingual data). */
export interface PhraseLists {
  zh: readonly string[];
  en: readonly string[];
}

export type PhraseLanguage = keyof PhraseLists;

/**
 * A phrase list. `expected`: the agent should use one of them (where says when); `forbidden`: the
 * agent must use none of them, anywhere. Lists only grow: a tenant may add phrases, never remove one.
 */
export interface PhrasesStandard extends StandardCommon {
  kind: 'phrases';
  usage: 'expected' | 'forbidden';
  /** Where in a conversation the phrase belongs: its first turns, anywhere, or its last turns. */
  where: 'opening' | 'anywhere' | 'closing';
  phrases: PhraseLists;
  /** Not a numeric standard: the only change allowed is adding phrases. */
  lowerIsStricter: false;
  /** Set on a tenant's value: the standard it replaced. */
  derivedFrom?: PhrasesStandard;
}

/**
 * A detection threshold (MANUAL ch. 7): `count` or more of something (refused attempts, records read)
 * within `windowSeconds` trips the rule. Fewer or a longer window is stricter.
 */
export interface CountStandard extends StandardCommon {
  kind: 'count';
  count: number;
  windowSeconds: number;
  /** A smaller count is stricter (and a longer window). */
  lowerIsStricter: true;
  /** Set on a tenant's value: the standard it replaced. */
  derivedFrom?: CountStandard;
}

export type Standard = DeadlineStandard | RatioStandard | PhrasesStandard | CountStandard;

/** What every verdict (a breach, a score, an alert) records about the standard it applied (MANUAL ch. 8). */
export interface StandardReference {
  standardId: string;
  /** The version of the standard set the value came from, e.g. '1' or 'acme:3@1'. */
  standardVersion: string;
}

/** A standard as applied at one instant for one tenant: its value plus the reference to record. */
export type AppliedStandard<S extends Standard = Standard> = S & StandardReference;

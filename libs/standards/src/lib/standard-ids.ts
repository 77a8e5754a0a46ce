import type { CountStandard, DeadlineStandard, PhrasesStandard, RatioStandard, StandardKind } from './standard';

/**
 * Every standard Hotline knows, by stable id, with its kind. Ids never change meaning: verdicts
 * stored years ago name them. A new standard is a new id.
 */
export const standardKinds = {
  // MANUAL ch. 2: the service process.
  'answer-time': 'deadline',
  'network-fault-response': 'deadline',
  'record-completion': 'deadline',
  'follow-up-call': 'deadline',
  // MANUAL ch. 3: service staff norms, checked on transcripts.
  greeting: 'phrases',
  'self-identification': 'phrases',
  'polite-forms': 'phrases',
  'forbidden-phrases': 'phrases',
  'closing-offer': 'phrases',
  'closing-thanks': 'phrases',
  'long-silence': 'deadline',
  'long-hold': 'deadline',
  interruption: 'deadline',
  // MANUAL ch. 4.3: equipment faults.
  'equipment-fault-response': 'deadline',
  // MANUAL ch. 6.1: complaint handling (the reply itself is the national floor below).
  'complaint-acknowledgement': 'deadline',
  // MANUAL ch. 7.3: emergency handling (a personal-data leak's report).
  'personal-data-leak-report': 'deadline',
  // The national and industry floor under the manual (ch. 1.3's first layers).
  'complaint-reply': 'deadline',
  'fault-repair-town': 'deadline',
  'fault-repair-rural': 'deadline',
  'mobile-fault-repair-max': 'deadline',
  'mobile-fault-repair-average': 'deadline',
  'service-restoration-after-payment': 'deadline',
  'billing-error-rate': 'ratio',
  // MANUAL ch. 7: security detection thresholds (Hotline defaults).
  'brute-force-attempts': 'count',
  'bulk-read-records': 'count',
  'bulk-export-records': 'count',
} as const satisfies Record<string, StandardKind>;

export type StandardId = keyof typeof standardKinds;

export const standardIds = Object.keys(standardKinds) as StandardId[];

interface StandardByKind {
  deadline: DeadlineStandard;
  ratio: RatioStandard;
  phrases: PhrasesStandard;
  count: CountStandard;
}

/** The standard type of one id: `StandardOf<'answer-time'>` is a `DeadlineStandard` with that id. */
export type StandardOf<K extends StandardId> = StandardByKind[(typeof standardKinds)[K]] & { id: K };

/** One standard per id, each of its own kind. */
export type StandardsById = { readonly [K in StandardId]: StandardOf<K> };

export type DeadlineStandardId = { [K in StandardId]: (typeof standardKinds)[K] extends 'deadline' ? K : never }[StandardId];

export function isStandardId(value: string): value is StandardId {
  return Object.prototype.hasOwnProperty.call(standardKinds, value);
}

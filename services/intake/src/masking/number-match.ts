import type { PiiKind } from './pii-kind';

/**
 * What a number detector says about a candidate digit string (separators already removed): its
 * kind, and for each digit whether it may stay readable in the mask.
 */
export interface NumberMatch {
  kind: PiiKind;
  keep: readonly boolean[];
}

/** `plus` tells whether the number was written with a leading `+` (an international prefix). */
export type NumberMatcher = (digits: string, plus: boolean) => NumberMatch | null;

/** A keep-list of `length` digits where `keep(index)` says which stay readable. */
export const keepDigits = (length: number, keep: (index: number) => boolean): boolean[] =>
  Array.from({ length }, (_, index) => keep(index));

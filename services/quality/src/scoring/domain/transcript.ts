import type { TranscriptLanguage } from './fold-text';

/** One turn of a transcript, with offsets in milliseconds from the contact's start. */
export interface TranscriptSegment {
  role: 'agent' | 'customer';
  text: string;
  beginOffsetMs: number;
  endOffsetMs: number;
}

export interface Transcript {
  language: TranscriptLanguage;
  segments: readonly TranscriptSegment[];
}

/** One itemised deduction: the rule, what shows it (a quote and where), and the standard and clause it applies. */
// A type, not an interface, so it is assignable to the contract's open (loose) deduction objects.
export type Deduction = {
  rule: string;
  points: number;
  evidence: string;
  beginOffsetMs: number;
  endOffsetMs: number;
  standardId: string;
  version: string;
  clause: string;
};

export interface TranscriptScore {
  /** 0–100. */
  score: number;
  deductions: Deduction[];
}

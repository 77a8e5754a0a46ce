import type { AppliedStandard, DeadlineStandard, EtiquetteRuleSet, PhrasesStandard } from '@hotline/standards';
import { findPhrase, foldText } from './fold-text';
import type { Transcript, TranscriptSegment } from './transcript';

/** What shows one breach of a rule, before points are counted. */
export interface Breach {
  evidence: string;
  beginOffsetMs: number;
  endOffsetMs: number;
}

/** Longest quote kept as evidence of a missing phrase (the turns it was looked for in). */
const MAX_QUOTE = 200;

const quoteOf = (turns: readonly TranscriptSegment[]): string => turns.map((turn) => turn.text).join(' / ').slice(0, MAX_QUOTE);

const spanOf = (turns: readonly TranscriptSegment[]): Omit<Breach, 'evidence'> =>
  turns.length === 0
    ? { beginOffsetMs: 0, endOffsetMs: 0 }
    : { beginOffsetMs: turns[0].beginOffsetMs, endOffsetMs: Math.max(...turns.map((turn) => turn.endOffsetMs)) };

/** The agent's turns a phrase standard looks in: the opening, the closing or all of them. */
function turnsFor(standard: PhrasesStandard, agentTurns: readonly TranscriptSegment[], rules: EtiquetteRuleSet): readonly TranscriptSegment[] {
  if (standard.where === 'opening') return agentTurns.slice(0, rules.openingTurns);
  if (standard.where === 'closing') return agentTurns.slice(-rules.closingTurns);
  return agentTurns;
}

/**
 * An expected phrase missing from the turns it belongs in: one breach quoting those turns. With
 * `followedByDigits`, the phrase counts only when a number follows it closely (工号 1023).
 */
export function missingPhrase(
  standard: AppliedStandard<PhrasesStandard>,
  transcript: Transcript,
  agentTurns: readonly TranscriptSegment[],
  rules: EtiquetteRuleSet,
  followedByDigits = false,
): Breach[] {
  const turns = turnsFor(standard, agentTurns, rules);
  const found = turns.some((turn) => {
    const folded = foldText(turn.text, transcript.language);
    return standard.phrases[transcript.language].some((phrase) =>
      findPhrase(folded, phrase, transcript.language).some(
        (match) => !followedByDigits || /\d/u.test(folded.text.slice(match.foldedEnd, match.foldedEnd + rules.staffNumberWithin)),
      ),
    );
  });
  return found ? [] : [{ evidence: quoteOf(turns), ...spanOf(turns) }];
}

/** Every occurrence of a forbidden phrase in the agent's turns, quoted exactly. */
export function forbiddenPhrases(standard: AppliedStandard<PhrasesStandard>, transcript: Transcript, agentTurns: readonly TranscriptSegment[]): Breach[] {
  const breaches: Breach[] = [];
  for (const turn of agentTurns) {
    const folded = foldText(turn.text, transcript.language);
    const seen = new Set<number>();
    for (const phrase of standard.phrases[transcript.language]) {
      for (const { start, end } of findPhrase(folded, phrase, transcript.language)) {
        if (seen.has(start)) continue;
        seen.add(start);
        breaches.push({ evidence: turn.text.slice(start, end), beginOffsetMs: turn.beginOffsetMs, endOffsetMs: turn.endOffsetMs });
      }
    }
  }
  return breaches;
}

/**
 * Gaps between turns (nobody speaking): one longer than the hold standard is a hold, else one
 * longer than the silence standard a silence. The quote is the turn before the gap.
 */
export function gaps(
  silence: AppliedStandard<DeadlineStandard>,
  hold: AppliedStandard<DeadlineStandard>,
  ordered: readonly TranscriptSegment[],
): { silences: Breach[]; holds: Breach[] } {
  const silences: Breach[] = [];
  const holds: Breach[] = [];
  let before: TranscriptSegment | undefined;
  for (const turn of ordered) {
    if (before !== undefined) {
      const gapMs = turn.beginOffsetMs - before.endOffsetMs;
      const breach = { evidence: before.text.slice(0, MAX_QUOTE), beginOffsetMs: before.endOffsetMs, endOffsetMs: turn.beginOffsetMs };
      if (gapMs > hold.seconds * 1000) holds.push(breach);
      else if (gapMs > silence.seconds * 1000) silences.push(breach);
    }
    if (before === undefined || turn.endOffsetMs > before.endOffsetMs) before = turn;
  }
  return { silences, holds };
}

/** The agent starting to talk while the customer still is, for longer than the standard allows; the quote is the agent's. */
export function interruptions(standard: AppliedStandard<DeadlineStandard>, ordered: readonly TranscriptSegment[]): Breach[] {
  const breaches: Breach[] = [];
  let customerEndMs = -1;
  for (const turn of ordered) {
    if (turn.role === 'customer') {
      customerEndMs = Math.max(customerEndMs, turn.endOffsetMs);
      continue;
    }
    const overlapEndMs = Math.min(customerEndMs, turn.endOffsetMs);
    if (overlapEndMs - turn.beginOffsetMs > standard.seconds * 1000) {
      breaches.push({ evidence: turn.text.slice(0, MAX_QUOTE), beginOffsetMs: turn.beginOffsetMs, endOffsetMs: overlapEndMs });
    }
  }
  return breaches;
}

import type { AppliedStandard, EtiquetteRuleSet, EtiquetteStandardId, StandardOf } from '@hotline/standards';
import { type Breach, forbiddenPhrases, gaps, interruptions, missingPhrase } from './find-breaches';
import type { Deduction, Transcript, TranscriptScore } from './transcript';

/** The standards in force for the contact's tenant and time (a `ResolvedStandards`). */
export interface EtiquetteStandards {
  standard<K extends EtiquetteStandardId>(id: K): AppliedStandard<StandardOf<K>>;
}

/**
 * Scores a transcript against the etiquette rules (MANUAL ch. 3): 100 less each breach's points,
 * each rule's total capped at its `maxPoints`, never below 0. A deduction is listed for each
 * breach that costs points, with its quote, offsets, standard, version and clause.
 */
export function scoreTranscript(transcript: Transcript, standards: EtiquetteStandards, rules: EtiquetteRuleSet): TranscriptScore {
  const ordered = [...transcript.segments].sort((a, b) => a.beginOffsetMs - b.beginOffsetMs);
  const agentTurns = ordered.filter((turn) => turn.role === 'agent');
  const silence = standards.standard('long-silence');
  const hold = standards.standard('long-hold');
  const found = gaps(silence, hold, ordered);
  const breachesOf = (id: EtiquetteStandardId): Breach[] => {
    switch (id) {
      case 'greeting':
      case 'polite-forms':
      case 'closing-offer':
      case 'closing-thanks':
        return missingPhrase(standards.standard(id), transcript, agentTurns, rules);
      case 'self-identification':
        return missingPhrase(standards.standard(id), transcript, agentTurns, rules, true);
      case 'forbidden-phrases':
        return forbiddenPhrases(standards.standard(id), transcript, agentTurns);
      case 'long-silence':
        return found.silences;
      case 'long-hold':
        return found.holds;
      case 'interruption':
        return interruptions(standards.standard(id), ordered);
    }
  };
  const deductions: Deduction[] = [];
  for (const rule of rules.rules) {
    const { standardId, standardVersion } = standards.standard(rule.id);
    let left = rule.maxPoints;
    for (const breach of breachesOf(rule.id)) {
      const points = Math.min(rule.points, left);
      if (points <= 0) break;
      left -= points;
      deductions.push({ rule: rule.id, points, ...breach, standardId, version: standardVersion, clause: rule.clause });
    }
  }
  const lost = deductions.reduce((sum, deduction) => sum + deduction.points, 0);
  return { score: Math.max(0, 100 - lost), deductions };
}

import type { ScorecardScheme } from './scheme';

/** A group's ledger sums for a month. */
export interface LedgerTotals {
  reward: number;
  penalty: number;
  entries: number;
}

/** The KPI figures a monthly bonus is judged on (from the KPIs module). */
export interface BonusFigures {
  answered: number;
  serviceLevel: number | null;
  surveys: number;
  averageSurveyScore: number | null;
}

export interface Bonus {
  rule: 'service-level' | 'csat';
  figure: number;
  target: number;
  points: number;
}

export interface ScorecardPoints {
  /** Ledger rewards plus bonuses. */
  reward: number;
  /** Ledger penalties, as a positive number. */
  penalty: number;
  net: number;
  bonuses: Bonus[];
}

/**
 * A month's points: the ledger's sums and the monthly bonuses whose target the month's KPIs meet
 * with enough volume to judge (service level ≥ target with enough answered, average survey score
 * ≥ target with enough surveys). Bonuses are judged on read, so they settle when the month ends.
 */
export function scorecardPoints(totals: LedgerTotals, kpis: BonusFigures | null, scheme: ScorecardScheme): ScorecardPoints {
  const bonuses: Bonus[] = [];
  const { serviceLevel, csat } = scheme.monthlyBonuses;
  if (kpis?.serviceLevel != null && kpis.answered >= serviceLevel.minimumAnswered && kpis.serviceLevel >= serviceLevel.target && serviceLevel.points > 0) {
    bonuses.push({ rule: 'service-level', figure: kpis.serviceLevel, target: serviceLevel.target, points: serviceLevel.points });
  }
  if (kpis?.averageSurveyScore != null && kpis.surveys >= csat.minimumSurveys && kpis.averageSurveyScore >= csat.target && csat.points > 0) {
    bonuses.push({ rule: 'csat', figure: kpis.averageSurveyScore, target: csat.target, points: csat.points });
  }
  const reward = totals.reward + bonuses.reduce((sum, b) => sum + b.points, 0);
  return { reward, penalty: totals.penalty, net: reward - totals.penalty, bonuses };
}

/** `YYYY-MM` as the month's [from, to) in UTC. */
export function monthRange(period: string): { from: Date; to: Date } {
  const [year, month] = period.split('-').map(Number);
  return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
}

import type { KpiCounters } from './kpi-counters';

/** The KPIs a supervisor reads, from a bucket and group's counter sums: rates 0–1, null when nothing to divide by. */
export interface KpiFigures {
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandoned: number;
  /** Answered within the answer standard over offered. */
  serviceLevel: number | null;
  averageSpeedOfAnswerSeconds: number | null;
  /** Abandoned (short abandons apart) over offered. */
  abandonmentRate: number | null;
  averageHandleTimeSeconds: number | null;
  /** Average after-contact work of the contacts that reported it. */
  afterContactWorkSeconds: number | null;
  transferred: number;
  /** Transferred over answered. */
  transferRate: number | null;
  /** Answered contacts of known customers not followed by another within the repeat window, over those contacts. */
  firstContactResolution: number | null;
  surveys: number;
  /** Surveys scored 4 or 5 over surveys. */
  csat: number | null;
  averageSurveyScore: number | null;
  complaints: number;
  /** Complaints per 1,000 contacts. */
  complaintRatePer1000: number | null;
  breached: number;
  /** Answer deadlines breached over offered, outage-caused breaches apart. */
  breachRate: number | null;
  outageBreached: number;
  outageBreachRate: number | null;
  /** Resolved cases whose follow-up is settled, in the buckets of their resolution. */
  followUps: number;
  followUpsMet: number;
  /** Follow-ups done within their deadline over those settled. */
  followUpCompletion: number | null;
  /** Settled case deadlines, in the buckets of their clocks' starts. */
  caseDeadlines: number;
  caseDeadlinesBreached: number;
  caseDeadlinesBreachedByOutage: number;
  /** Breached case deadlines (outage-caused included) over those settled. */
  caseBreachRate: number | null;
  /** Breached case deadlines not caused by an outage over those settled. */
  caseBreachRateExcludingOutages: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const seconds = (ms: number, count: number): number | null => (count === 0 ? null : ms / count / 1000);

export function kpiFigures(c: KpiCounters): KpiFigures {
  const per1000 = ratio(c.complaints, c.contacts);
  return {
    offered: c.offered,
    answered: c.answered,
    answeredWithinTarget: c.answeredInTarget,
    abandoned: c.abandoned,
    shortAbandoned: c.shortAbandoned,
    serviceLevel: ratio(c.answeredInTarget, c.offered),
    averageSpeedOfAnswerSeconds: seconds(c.answerWaitMs, c.answeredTimed),
    abandonmentRate: ratio(c.abandoned, c.offered),
    averageHandleTimeSeconds: seconds(c.handleMs, c.handled),
    afterContactWorkSeconds: seconds(c.afterContactWorkMs, c.afterContactWorked),
    transferred: c.transferred,
    transferRate: ratio(c.transferred, c.answered),
    firstContactResolution: ratio(c.resolvedAtFirstContact, c.firstContactEligible),
    surveys: c.surveys,
    csat: ratio(c.satisfied, c.surveys),
    averageSurveyScore: ratio(c.surveyScore, c.surveys),
    complaints: c.complaints,
    complaintRatePer1000: per1000 === null ? null : per1000 * 1000,
    breached: c.breached,
    breachRate: ratio(c.breached, c.offered),
    outageBreached: c.outageBreached,
    outageBreachRate: ratio(c.outageBreached, c.offered),
    followUps: c.followUps,
    followUpsMet: c.followUpsMet,
    followUpCompletion: ratio(c.followUpsMet, c.followUps),
    caseDeadlines: c.caseDeadlines,
    caseDeadlinesBreached: c.caseDeadlinesBreached,
    caseDeadlinesBreachedByOutage: c.caseDeadlinesBreachedByOutage,
    caseBreachRate: ratio(c.caseDeadlinesBreached, c.caseDeadlines),
    caseBreachRateExcludingOutages: ratio(c.caseDeadlinesBreached - c.caseDeadlinesBreachedByOutage, c.caseDeadlines),
  };
}

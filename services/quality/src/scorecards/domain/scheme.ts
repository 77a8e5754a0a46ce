import { z } from 'zod';

const points = z.number().int().min(0).max(1000);
const ratio = z.number().min(0).max(1);

/** Penalty points per breach, by which deadline was missed (`sla.breached`'s slaKind). */
const breachPoints = z.strictObject({
  answer: points,
  response: points,
  resolution: points,
  record: points,
  follow_up: points,
  complaint_reply: points,
  repair: points,
});

/**
 * A tenant's points scheme (MANUAL 5.4). Every figure is a magnitude: rewards add, penalties
 * subtract. Monthly bonuses are judged on read from the month's KPIs, so they move until it ends.
 */
export const scorecardScheme = z.strictObject({
  etiquette: z.strictObject({ penaltyPerDeduction: points }),
  breaches: breachPoints,
  surveys: z.strictObject({ rewardForFive: points, penaltyForTwo: points, penaltyForOne: points }),
  monthlyBonuses: z.strictObject({
    serviceLevel: z.strictObject({ target: ratio, points, minimumAnswered: z.number().int().min(1).max(1_000_000) }),
    csat: z.strictObject({ target: z.number().min(1).max(5), points, minimumSurveys: z.number().int().min(1).max(1_000_000) }),
  }),
});

export type ScorecardScheme = z.output<typeof scorecardScheme>;

/** The scheme in force until a tenant puts its own (version 0). */
export const DEFAULT_SCHEME: ScorecardScheme = Object.freeze({
  etiquette: { penaltyPerDeduction: 2 },
  breaches: { answer: 1, response: 3, resolution: 5, record: 1, follow_up: 2, complaint_reply: 5, repair: 5 },
  surveys: { rewardForFive: 2, penaltyForTwo: 1, penaltyForOne: 2 },
  monthlyBonuses: {
    serviceLevel: { target: 0.8, points: 10, minimumAnswered: 20 },
    csat: { target: 4.5, points: 5, minimumSurveys: 5 },
  },
}) as ScorecardScheme;

export const DEFAULT_SCHEME_VERSION = 0;

/** A scheme and the version that set it. */
export interface VersionedScheme {
  version: number;
  scheme: ScorecardScheme;
}

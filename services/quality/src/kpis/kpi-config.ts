import { z } from 'zod';

const kpiEnvSchema = z.object({
  /** An abandon within this many seconds of queueing is a short abandon: reported apart, not offered. */
  QUALITY_SHORT_ABANDON_SECONDS: z.coerce.number().min(0).default(5),
  /** A customer's contact followed by another of theirs within this many hours was not resolved at first contact. */
  QUALITY_REPEAT_CONTACT_HOURS: z.coerce.number().positive().default(72),
});

/** Quality's KPI settings, read from the environment; a bad value stops the service at start. */
export class KpiConfig {
  readonly shortAbandonMs: number;
  readonly repeatWindowMs: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    const result = kpiEnvSchema.safeParse(env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    this.shortAbandonMs = Math.round(result.data.QUALITY_SHORT_ABANDON_SECONDS * 1000);
    this.repeatWindowMs = Math.round(result.data.QUALITY_REPEAT_CONTACT_HOURS * 3_600_000);
  }
}

import { z } from 'zod';

const kpiEnvSchema = z.object({
  /** An abandon within this many seconds of queueing is a short abandon: reported apart, not offered. */
  QUALITY_SHORT_ABANDON_SECONDS: z.coerce.number().min(0).default(5),
});

/** Quality's KPI settings, read from the environment; a bad value stops the service at start. */
export class KpiConfig {
  readonly shortAbandonMs: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    const result = kpiEnvSchema.safeParse(env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    this.shortAbandonMs = Math.round(result.data.QUALITY_SHORT_ABANDON_SECONDS * 1000);
  }
}

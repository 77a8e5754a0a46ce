import { z } from 'zod';

const alertsEnvSchema = z.object({
  /** How often an open KPI alert is judged again when no event touches its scope (so a quiet scope clears). */
  QUALITY_ALERT_RECHECK_SECONDS: z.coerce.number().positive().default(15),
  /** An event older than this (by its time, against the wall clock) is history: it feeds windows but never raises. */
  QUALITY_ALERT_LIVE_SECONDS: z.coerce.number().positive().default(300),
});

/** Quality's alert settings from the environment; a bad value stops the service at start. */
export class AlertsConfig {
  readonly recheckMs: number;
  readonly liveMs: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    const result = alertsEnvSchema.safeParse(env);
    if (!result.success) throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.recheckMs = Math.round(result.data.QUALITY_ALERT_RECHECK_SECONDS * 1000);
    this.liveMs = Math.round(result.data.QUALITY_ALERT_LIVE_SECONDS * 1000);
  }
}

import { z } from 'zod';
import { DEFAULT_MAX_FUTURE_SKEW_SECONDS } from '../ingest/domain/future-time';

const intakeEnvSchema = z.object({
  /** Events a tenant may send per second, on average, across all of intake's routes. */
  INTAKE_RATE_LIMIT_EVENTS_PER_SECOND: z.coerce.number().positive().default(10_000),
  /** Events a tenant may send at once after a quiet spell. */
  INTAKE_RATE_LIMIT_BURST: z.coerce.number().positive().optional(),
  /** How far ahead of intake's clock an event's `time` may be (the sender's clock skew), in seconds. */
  INTAKE_MAX_FUTURE_SKEW_SECONDS: z.coerce.number().int().min(0).default(DEFAULT_MAX_FUTURE_SKEW_SECONDS),
});

/** Intake's own settings (the platform's are in PlatformConfig), read from the environment. */
export class IntakeConfig {
  readonly rateLimit: { eventsPerSecond: number; burst: number };
  /** Events whose `time` is further ahead of now than this are refused (400 naming `time`). */
  readonly maxFutureSkewSeconds: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    const result = intakeEnvSchema.safeParse(env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { INTAKE_RATE_LIMIT_EVENTS_PER_SECOND: eventsPerSecond, INTAKE_RATE_LIMIT_BURST: burst } = result.data;
    this.rateLimit = { eventsPerSecond, burst: burst ?? eventsPerSecond * 2 };
    this.maxFutureSkewSeconds = result.data.INTAKE_MAX_FUTURE_SKEW_SECONDS;
  }
}

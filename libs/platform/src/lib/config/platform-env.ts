import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hotline';
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** Lets a fresh clone run with no setup; with NODE_ENV=production no service starts on it. */
export const DEV_JWT_SECRET = 'hotline-dev-secret-change-me';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The environment variables every service reads, with the defaults that point at local servers.
 * In production the public JWT_SECRET default is refused, unless JWKS_URL means it is never used.
 */
export const platformEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // No default here: each service has its own port, which bootstrapService receives.
    PORT: z.coerce.number({ error: 'must be a number' }).int().min(0).max(65535).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).default(DEFAULT_DATABASE_URL),
    AMQP_URL: z.url({ protocol: /^amqps?$/, error: 'must be an amqp:// or amqps:// URL' }).default(DEFAULT_AMQP_URL),
    HOTLINE_NAMESPACE: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be up to 64 letters, digits, "_" or "-"')
      .optional(),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_JWT_SECRET),
    JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_AUDIENCE: z.string().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'must be a number' }).int().positive().default(10_000),
    // Express's `trust proxy`: behind a load balancer, which X-Forwarded-For hops to believe, so that
    // per-client rules (auth-failure counting) see the client, not the balancer. Off by default.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value === 'false' ? false : value === 'true' ? true : /^\d+$/.test(value) ? Number(value) : value)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET && !env.JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is the public development default, with which anyone can sign tokens: set your own (e.g. `openssl rand -base64 32`) or JWKS_URL in production',
      });
    }
  });

export type PlatformEnv = z.output<typeof platformEnvSchema>;

import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hotline';
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** Lets a fresh clone run with no setup; with NODE_ENV=production no service starts on it. */
export const DEV_JWT_SECRET = 'hotline-dev-secret-change-me';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** What an identity provider may sign with: asymmetric algorithms only, so a public key can never act as an HMAC secret. */
export const PROVIDER_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/**
 * The environment variables every service reads, with the defaults that point at local servers.
 * In production the public JWT_SECRET default is refused, unless a provider (JWKS_URL, OIDC_ISSUER_URL)
 * means it is never used.
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
    // OIDC: the provider's issuer; its discovery document names the JWKS and the issuer checked.
    OIDC_ISSUER_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_AUDIENCE: z.string().optional(),
    // Where the provider puts the tenant and the roles; a dotted path reaches into an object
    // (Keycloak's realm_access.roles) when no claim has the whole name (Auth0's https://… claims).
    JWT_TENANT_CLAIM: z.string().min(1).default('tenant'),
    JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
    // The algorithms accepted from the provider (JWKS_URL, OIDC_ISSUER_URL), comma-separated.
    JWT_ALGORITHMS: z
      .string()
      .default('RS256')
      .transform((value) => value.split(',').map((alg) => alg.trim()).filter(Boolean))
      .pipe(z.array(z.enum(PROVIDER_JWT_ALGORITHMS, { error: `must list only ${PROVIDER_JWT_ALGORITHMS.join(', ')}` })).min(1, 'must name an algorithm')),
    // Admin-only routes: failed authentications a client may make on one route per window, before
    // it must wait (429) for the window to end.
    ADMIN_THROTTLE_FAILURES: z.coerce.number({ error: 'must be a number' }).int().positive().default(20),
    ADMIN_THROTTLE_WINDOW_SECONDS: z.coerce.number({ error: 'must be a number' }).int().positive().default(60),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    // A consumer's batch bound: 400 measured twice the throughput of 100 (README, bench:dispatch).
    CONSUMER_MAX_BATCH: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).default(400),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'must be a number' }).int().positive().default(10_000),
    // Express's `trust proxy`: behind a load balancer, which X-Forwarded-For hops to believe, so that
    // per-client rules (auth-failure counting) see the client, not the balancer. Off by default.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value === 'false' ? false : value === 'true' ? true : /^\d+$/.test(value) ? Number(value) : value)),
  })
  .superRefine((env, ctx) => {
    if (env.JWKS_URL && env.OIDC_ISSUER_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWKS_URL'], message: 'set JWKS_URL or OIDC_ISSUER_URL (whose discovery names the JWKS), not both' });
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET && !env.JWKS_URL && !env.OIDC_ISSUER_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is the public development default, with which anyone can sign tokens: set your own (e.g. `openssl rand -base64 32`) or JWKS_URL / OIDC_ISSUER_URL in production',
      });
    }
  });

export type PlatformEnv = z.output<typeof platformEnvSchema>;

import { platformEnvSchema, type PlatformEnv } from './platform-env';

/**
 * Validates the platform's environment variables and fills in their defaults. Throws one error
 * naming every bad variable, so a misconfigured service stops at start with a readable reason.
 * Never echoes values: one of them may be a secret.
 */
export function loadPlatformConfig(env: Record<string, string | undefined>): PlatformEnv {
  // An empty variable (`JWKS_URL=` in an env file) means "not set", as most deployment tools treat it.
  const setVariables = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = platformEnvSchema.safeParse(setVariables);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join('; ')}`);
}

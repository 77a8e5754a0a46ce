// Config
export { DEFAULT_AMQP_URL, DEFAULT_DATABASE_URL, DEV_JWT_SECRET, type PlatformEnv } from './lib/config/platform-env';
export { loadPlatformConfig } from './lib/config/load-platform-config';
export { PlatformConfig, type JwtSettings } from './lib/config/platform-config';

// Logging
export { CORRELATION_ID_HEADER } from './lib/logging/correlation-id';
export { correlationMixin } from './lib/logging/correlation-mixin';

// Tracing (span export; W3C trace context itself is @hotline/messaging's)
export { OTLP_ENDPOINT_VARIABLE, runningTracing, startTracing, type TracedService, type Tracing } from './lib/tracing/start-tracing';

// Errors
export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPES,
  ProblemException,
  ValidationProblem,
  type Problem,
  type ProblemFieldError,
  type ProblemInit,
} from './lib/errors/problem';
export { problemFieldErrorSchema, problemSchema } from './lib/errors/problem-schema';
export { parseOr400, parseParametersOr400, zodProblemErrors } from './lib/errors/parse-or-400';
export { exceedsJsonDepth, MAX_JSON_DEPTH } from './lib/errors/json-depth';
export { bodyTooDeepProblem } from './lib/errors/body-depth.middleware';

// Secrets kept encrypted at rest (HOTLINE_CREDENTIALS_KEY): intake's platform credentials, quality's webhook secrets
export { CredentialCipher } from './lib/credentials/credential-cipher';
export { CREDENTIALS_KEY_ENV, resolveCredentialsKey, type CredentialsKey } from './lib/credentials/credentials-key';

// Auth
export { ROLES, type Role } from './lib/auth/roles';
export type { Principal } from './lib/auth/principal';
export { actorOf, type PrincipalActor } from './lib/auth/principal-actor';
export { AuthenticatesItself, Public } from './lib/auth/public.decorator';
export { ApiKeyAuth } from './lib/auth/api-key-auth.decorator';
export { Roles } from './lib/auth/roles.decorator';
export { CurrentPrincipal } from './lib/auth/current-principal.decorator';
export type { AuthWiring } from './lib/auth/auth.module';
export { API_KEY_VERIFIER, type ApiKeyCheck, type ApiKeyPrincipal, type ApiKeyVerifier } from './lib/auth/api-key-verifier';
export {
  AUTH_FAILURE_LISTENER,
  type AuthFailure,
  type AuthFailureListener,
  type AuthFailureReason,
  type GuardFailureReason,
} from './lib/auth/auth-failure-listener';
export { generateApiKey, hashApiKey, parseApiKeyPrefix, type GeneratedApiKey } from './lib/auth/api-key';
export { signDevToken, type DevTokenOptions } from './lib/auth/dev-token';

// Bootstrap
export { PlatformModule, type PlatformModuleOptions } from './lib/bootstrap/platform.module';
export { bootstrapService, type BootstrapServiceOptions } from './lib/bootstrap/bootstrap-service';
export { configurePlatformApp, type PlatformAppOptions } from './lib/bootstrap/configure-platform-app';
export { databaseOptions, type DatabaseOptions } from './lib/bootstrap/database-options';
export { amqpConsumer } from './lib/bootstrap/amqp-consumer';

// API documents
export { buildOpenApiDocument } from './lib/docs/build-openapi-document';
export { namedApiSchema, zodApiSchema } from './lib/docs/api-schema';
export { PROBLEM_SCHEMA_NAME } from './lib/docs/problem-responses';
export { API_KEY_SECURITY, JWT_SECURITY } from './lib/docs/security-schemes';
export type { JsonOf } from './lib/docs/json-of';

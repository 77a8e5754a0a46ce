import type { PlatformEnv } from './platform-env';

export interface JwtSettings {
  /** HS256 secret, used unless a provider (jwksUrl, oidcIssuerUrl) is set. */
  secret: string;
  jwksUrl?: string;
  /** An OIDC provider's issuer, whose discovery document names its JWKS. */
  oidcIssuerUrl?: string;
  issuer?: string;
  audience?: string;
  /** The claims holding the tenant and the roles (a dotted path reaches into an object). */
  tenantClaim: string;
  rolesClaim: string;
  /** What a provider's tokens may be signed with. */
  algorithms: string[];
}

/** Typed, read-only view of the validated platform settings; inject it anywhere in a service. */
export class PlatformConfig {
  readonly nodeEnv: PlatformEnv['NODE_ENV'];
  /** Undefined when PORT is not set: the service then listens on its own default port. */
  readonly port?: number;
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  /** Prefix for exchange and queue names, so concurrent test runs share a broker without colliding. */
  readonly namespace?: string;
  /** Most deliveries a consumer applies in one transaction (`CONSUMER_MAX_BATCH`). */
  readonly consumerMaxBatch: number;
  readonly jwt: JwtSettings;
  /** Failed authentications a client may make on one admin-only route per window. */
  readonly adminThrottle: { failures: number; windowSeconds: number };
  readonly logLevel: PlatformEnv['LOG_LEVEL'];
  readonly shutdownTimeoutMs: number;
  /** Express's `trust proxy` setting (false, true, a hop count, or addresses/subnets). */
  readonly trustProxy: boolean | number | string;

  constructor(
    readonly service: string,
    env: PlatformEnv,
  ) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.databaseUrl = env.DATABASE_URL;
    this.amqpUrl = env.AMQP_URL;
    this.namespace = env.HOTLINE_NAMESPACE;
    this.consumerMaxBatch = env.CONSUMER_MAX_BATCH;
    this.logLevel = env.LOG_LEVEL;
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.trustProxy = env.TRUST_PROXY;
    this.adminThrottle = { failures: env.ADMIN_THROTTLE_FAILURES, windowSeconds: env.ADMIN_THROTTLE_WINDOW_SECONDS };
    this.jwt = {
      secret: env.JWT_SECRET,
      jwksUrl: env.JWKS_URL,
      oidcIssuerUrl: env.OIDC_ISSUER_URL,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      tenantClaim: env.JWT_TENANT_CLAIM,
      rolesClaim: env.JWT_ROLES_CLAIM,
      algorithms: env.JWT_ALGORITHMS,
    };
  }
}

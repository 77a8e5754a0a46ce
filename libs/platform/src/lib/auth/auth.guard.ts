import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CorrelationContext } from '@hotline/messaging';
import { PlatformConfig } from '../config/platform-config';
import { ProblemException } from '../errors/problem';
import { routePattern } from '../metrics/route-pattern';
import { API_KEY_AUTH, type ApiKeyRequirement } from './api-key-auth.decorator';
import { API_KEY_VERIFIER, type ApiKeyVerifier } from './api-key-verifier';
import { parseApiKeyPrefix } from './api-key';
import { AUTH_FAILURE_LISTENER, type AuthFailureListener, type GuardFailureReason } from './auth-failure-listener';
import { bearerToken } from './bearer-token';
import { FailureThrottle } from './failure-throttle';
import { JwtVerifier } from './jwt-verifier';
import type { AuthenticatedRequest, Principal } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import type { Role } from './roles';
import { bearerChallenge } from './www-authenticate';

const FAILURES: Record<GuardFailureReason, { status: 401 | 403; detail: string }> = {
  'missing-credentials': { status: 401, detail: 'Send credentials as "Authorization: Bearer <token>".' },
  'invalid-token': { status: 401, detail: 'The bearer token is not valid.' },
  'expired-token': { status: 401, detail: 'The bearer token has expired.' },
  'missing-role': { status: 403, detail: 'None of your roles may use this route.' },
  'unknown-api-key': { status: 401, detail: 'The API key is not recognised.' },
  'revoked-api-key': { status: 403, detail: 'The API key has been revoked.' },
  'missing-scope': { status: 403, detail: 'The API key lacks the scope this route needs.' },
};

/**
 * Global guard (Decision 8): every route needs a bearer JWT unless it is @Public() or takes an API
 * key (@ApiKeyAuth). Puts the principal on the request and its tenant into the correlation context.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  private readonly adminFailures: FailureThrottle;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtVerifier,
    config: PlatformConfig,
    // Given by the service through PlatformModule.forRoot({ auth: { imports } }), never looked up.
    @Optional() @Inject(API_KEY_VERIFIER) private readonly apiKeys?: ApiKeyVerifier,
    @Optional() @Inject(AUTH_FAILURE_LISTENER) private readonly failureListener?: AuthFailureListener,
  ) {
    this.adminFailures = new FailureThrottle(config.adminThrottle.failures, config.adminThrottle.windowSeconds * 1000);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = this.reflector.getAllAndOverride<ApiKeyRequirement | undefined>(API_KEY_AUTH, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const principal = apiKey
      ? await this.authenticateApiKey(req, apiKey.scope)
      : await this.throttlingAdminGuesses(req, roles, () => this.authenticateJwt(req, roles));
    req.principal = principal;
    const correlation = CorrelationContext.current();
    if (correlation) correlation.tenantId = principal.tenantId;
    return true;
  }

  /**
   * On an admin-only route, a client past its failed attempts (ADMIN_THROTTLE_FAILURES per
   * ADMIN_THROTTLE_WINDOW_SECONDS, per route) gets a 429 without its credentials being checked.
   */
  private async throttlingAdminGuesses(req: AuthenticatedRequest, roles: Role[] | undefined, authenticate: () => Promise<Principal>): Promise<Principal> {
    if (!roles?.length || roles.some((role) => role !== 'admin')) return authenticate();
    const key = `${req.ip} ${req.method} ${routePattern(req)}`;
    const wait = this.adminFailures.retryAfterSeconds(key);
    if (wait > 0) {
      throw new ProblemException({ status: 429, detail: `Too many failed attempts on this admin route; retry in ${wait} s.` }, { 'Retry-After': String(wait) });
    }
    try {
      return await authenticate();
    } catch (error) {
      // Refusals count; a provider that cannot be reached (503) is no guess.
      if (error instanceof ProblemException && error.problem.status < 500) this.adminFailures.recordFailure(key);
      throw error;
    }
  }

  private async authenticateJwt(req: AuthenticatedRequest, requiredRoles: Role[] | undefined): Promise<Principal> {
    const token = bearerToken(req);
    if (!token) throw this.reject(req, 'missing-credentials');
    const check = await this.jwt.verify(token);
    if (check.status === 'expired') throw this.reject(req, 'expired-token');
    if (check.status === 'invalid') {
      throw this.reject(req, 'invalid-token', { detail: check.reason && `The bearer token is not valid: ${check.reason}.` });
    }
    const { subject, tenantId, roles } = check.claims;
    if (requiredRoles?.length && !requiredRoles.some((role) => roles.includes(role))) {
      throw this.reject(req, 'missing-role', { detail: `This route needs one of the roles: ${requiredRoles.join(', ')}.` });
    }
    return { kind: 'jwt', subject, tenantId, roles };
  }

  private async authenticateApiKey(req: AuthenticatedRequest, scope: string | undefined): Promise<Principal> {
    const key = bearerToken(req);
    if (!key) throw this.reject(req, 'missing-credentials');
    const keyPrefix = parseApiKeyPrefix(key);
    if (!keyPrefix) throw this.reject(req, 'unknown-api-key');
    if (!this.apiKeys) throw new Error(`${req.method} ${req.path} takes API keys, but no API_KEY_VERIFIER is provided`);
    const check = await this.apiKeys.verify(key);
    if (check.status !== 'valid') {
      throw this.reject(req, check.status === 'revoked' ? 'revoked-api-key' : 'unknown-api-key', { keyPrefix });
    }
    const { keyId, tenantId, scopes } = check.principal;
    if (scope && !scopes.includes(scope)) {
      throw this.reject(req, 'missing-scope', { keyPrefix, detail: `The API key lacks the "${scope}" scope.` });
    }
    return { kind: 'api-key', keyId, tenantId, scopes };
  }

  /**
   * Reports the failure to the listener, if any, and returns the 401/403 problem to throw, with
   * its RFC 6750 `WWW-Authenticate` challenge.
   */
  private reject(
    req: AuthenticatedRequest,
    reason: GuardFailureReason,
    { keyPrefix, detail }: { keyPrefix?: string; detail?: string } = {},
  ): ProblemException {
    const route = `${req.method} ${routePattern(req)}`;
    try {
      this.failureListener?.onAuthFailure({ reason, keyPrefix, remoteAddress: req.ip, route });
    } catch (error) {
      // A failing listener must not turn a 401 into a 500.
      this.logger.error(error);
    }
    const failure = FAILURES[reason];
    const text = detail ?? failure.detail;
    return new ProblemException({ status: failure.status, detail: text }, { 'WWW-Authenticate': bearerChallenge(reason, text) });
  }
}

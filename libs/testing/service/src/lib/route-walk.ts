import type { Response } from 'supertest';
import { newCloudEvent } from '@hotline/contracts';
import { ROLES } from '@hotline/platform';
import { refusedTokens } from './refused-tokens';
import type { StartedService } from './start-service';

/** The only routes anyone may call without credentials. */
const OPEN_ROUTES = /^\/(health(\/.*)?|metrics|docs(\/.*|-json)?)$/;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Sent to every route that takes a body: no route accepts it, so only auth can decide first. */
const BAD_BODY = { unexpected: ['not', 'what', 'any', 'route', 'takes'] };

export interface RouteWalk {
  /** The caller's tenant. */
  tenant: string;
  /** Another tenant, whose data the service holds; `tenant`/`tenantId` path parameters name it. */
  otherTenant: string;
  /** Text found in the other tenant's data and in no request: a response holding it leaked. */
  marker: string;
  /** Path parameter values naming the other tenant's things (`{ caseId: 'CASE-B' }`); others get `x`. */
  params?: Record<string, string>;
}

export interface RouteWalkCounts {
  operations: number;
  open: number;
  anonymousRefused: number;
  badTokensRefused: number;
  agentRefused: number;
  agentAdmitted: number;
  crossTenantCalls: number;
}

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  kind: 'open' | 'jwt' | 'api-key' | 'self';
  roles?: string[];
  hasBody: boolean;
  query: Record<string, string>;
}

/**
 * Walks every operation of the service's served OpenAPI document (issue 12, part 5) and proves:
 * none but /health*, /metrics and /docs* answers without credentials, and that refusal (401 with
 * a Bearer challenge) comes before any other check, even of an invalid or malformed body; JWT routes refuse every
 * kind of bad token; an agent is refused (403) exactly where the route's `x-hotline-roles` leave
 * agents out; API-key routes take no JWT; and a token of `tenant` holding every role gets nothing
 * of `otherTenant`'s from any route, whatever ids it names. Returns what it counted.
 */
export async function expectRouteWalk(svc: StartedService, walk: RouteWalk): Promise<RouteWalkCounts> {
  const operations = operationsOf((await svc.http().get('/docs-json').expect(200)).body);
  const counts: RouteWalkCounts = { operations: operations.length, open: 0, anonymousRefused: 0, badTokensRefused: 0, agentRefused: 0, agentAdmitted: 0, crossTenantCalls: 0 };
  const refused = await refusedTokens(svc.env.jwtSecret, walk.tenant);
  const agent = await svc.token({ tenant: walk.tenant, roles: ['agent'] });
  const everyRole = await svc.token({ tenant: walk.tenant, roles: [...ROLES] });
  const fill = (path: string, values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? (/^tenant(Id)?$/.test(name) ? walk.otherTenant : 'x')));

  const call = (op: Operation, bearer?: string, values: Record<string, string> = {}): Promise<Response> => {
    let req = svc.http()[op.method](fill(op.path, values)).query(op.query);
    if (bearer) req = req.set('Authorization', `Bearer ${bearer}`);
    return op.hasBody ? req.send(BAD_BODY) : req;
  };
  const expectStatus = (res: Response, op: Operation, allowed: number[], what: string) => {
    if (!allowed.includes(res.status)) throw new Error(`${op.method.toUpperCase()} ${op.path} ${what}: ${res.status} ${res.text.slice(0, 300)}`);
  };

  for (const op of operations) {
    if (op.kind === 'open') {
      expect(op.path).toMatch(OPEN_ROUTES);
      counts.open++;
      continue;
    }
    // A route checking a platform's own signature refuses in that platform's way (Twilio: 403).
    const refusals = op.kind === 'self' ? [401, 403] : [401];
    const anonymous = await call(op);
    expectStatus(anonymous, op, refusals, 'without credentials');
    if (op.kind !== 'self') expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer realm="hotline"/);
    // (A route that checks a signature itself sees the body's problem first: its check is the handler's.)
    if (op.hasBody && op.kind !== 'self') {
      const malformed = await svc.http()[op.method](fill(op.path, {})).set('Content-Type', 'application/json').send('{"unexpected": ');
      expectStatus(malformed, op, refusals, 'without credentials, with malformed JSON');
    }
    counts.anonymousRefused++;
    if (op.kind === 'api-key') expectStatus(await call(op, everyRole), op, [401], 'with a JWT instead of an API key');
    if (op.kind !== 'jwt') continue;

    for (const [flaw, token] of Object.entries(refused)) {
      const res = await call(op, token);
      expectStatus(res, op, [401], `with a token with ${flaw}`);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      counts.badTokensRefused++;
    }
    const asAgent = await call(op, agent, walk.params);
    if (op.roles && !op.roles.includes('agent')) {
      expectStatus(asAgent, op, [403], `as an agent (needs ${op.roles.join(', ')})`);
      counts.agentRefused++;
    } else {
      if ([401, 403].includes(asAgent.status)) expectStatus(asAgent, op, [], 'as an agent, whom its roles admit');
      counts.agentAdmitted++;
    }
    const crossTenant = await call(op, everyRole, walk.params);
    if (crossTenant.text.includes(walk.marker)) {
      throw new Error(`${op.method.toUpperCase()} ${op.path} gave tenant ${walk.tenant} data of ${walk.otherTenant}: ${crossTenant.text.slice(0, 300)}`);
    }
    expect(crossTenant.status).toBeLessThan(500);
    counts.crossTenantCalls++;
  }
  return counts;
}

/** A `standards.published` of `tenant` labelled `marker`: what a consumer's GET /v1/standards must show no one else. */
export function standardsLabelled(tenant: string, marker: string) {
  return newCloudEvent({
    type: 'standards.published',
    source: '/hotline/intake',
    tenantId: tenant,
    id: `standards.published:${tenant}:${marker}`,
    data: { version: marker, effectiveFrom: '2026-01-01T00:00:00Z', standards: {} },
  });
}

type OpenApiOperation = {
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  parameters?: { in: string; name: string; required?: boolean; example?: unknown; schema?: { example?: unknown } }[];
  'x-hotline-roles'?: string[];
};

function operationsOf(document: { paths: Record<string, Partial<Record<string, OpenApiOperation>>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): Operation => {
      const operation = item[method] as OpenApiOperation;
      const scheme = operation.security === undefined ? 'jwt' : Object.keys(operation.security[0] ?? {})[0];
      const kind = scheme === undefined ? 'open' : scheme === 'jwt' || scheme === 'api-key' ? scheme : 'self';
      // Required query parameters take their documented example, so a route gets past them to its data.
      const query = Object.fromEntries(
        (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required && (p.example ?? p.schema?.example) !== undefined)
          .map((p) => [p.name, String(p.example ?? p.schema?.example)]),
      );
      return { method, path, kind, roles: operation['x-hotline-roles'], hasBody: operation.requestBody !== undefined || method !== 'get', query };
    }),
  );
}

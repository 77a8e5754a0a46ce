import {
  InvalidStandardOverridesError,
  type OverrideIssue,
  parseStandardOverrides,
  StandardsCatalog,
  type StandardOverrides,
} from '@hotline/standards';

/**
 * What libs/standards says of a PUT: well formed and tightening only (`valid`), malformed (`shape`,
 * a 400), or loosening a floor (`loosened`, a 422 naming every loosened field).
 */
export type StandardVersionCheck =
  | { result: 'valid'; overrides: StandardOverrides }
  | { result: 'shape'; issues: OverrideIssue[] }
  | { result: 'loosened'; issues: OverrideIssue[] };

/** Where the route takes the fields the body does not hold, so an issue names what the client sent. */
const ROUTE_FIELDS: Record<string, string> = { tenantId: 'params.tenant', version: 'params.version' };

export function validateStandardVersion(tenantId: string, version: string, body: unknown): StandardVersionCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { result: 'shape', issues: [{ path: '', message: 'The body must be an object: { effectiveFrom, standards }' }] };
  }
  const { effectiveFrom, standards, ...unknown } = body as Record<string, unknown>;
  const unknownKeys = Object.keys(unknown).map((key) => ({
    path: key,
    message: `Unrecognized key "${key}": the body is { effectiveFrom, standards }; the tenant and version come from the URL`,
  }));
  let overrides: StandardOverrides;
  try {
    overrides = parseStandardOverrides({ tenantId, version, effectiveFrom, standards });
  } catch (error) {
    return { result: 'shape', issues: [...unknownKeys, ...issuesOf(error)] };
  }
  if (unknownKeys.length > 0) return { result: 'shape', issues: unknownKeys };
  try {
    // The catalog checks the version against every base version it may be applied to, as consumers will.
    new StandardsCatalog().addTenantVersion(overrides);
  } catch (error) {
    return { result: 'loosened', issues: issuesOf(error) };
  }
  return { result: 'valid', overrides };
}

function issuesOf(error: unknown): OverrideIssue[] {
  if (!(error instanceof InvalidStandardOverridesError)) throw error;
  return error.issues.map(({ path, message }) => ({ path: routeField(path), message }));
}

function routeField(path: string): string {
  const [head, ...rest] = path.split('.');
  const moved = ROUTE_FIELDS[head];
  return moved === undefined ? path : [moved, ...rest].join('.');
}

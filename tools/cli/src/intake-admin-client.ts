/** An API key as intake's admin API lists it: never the key or its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just created: the only answer that ever holds the key itself. */
export interface CreatedApiKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  key: string;
}

/** The admin JWT the client sends, and what to tell the user when intake does not accept it (401). */
export interface AdminCredential {
  token: string;
  whenRefused: string;
}

/** The parts of an RFC 9457 problem (intake's error bodies) the CLI reports. */
interface Problem {
  title?: string;
  detail?: string;
  errors?: { path?: string; message?: string }[];
}

/** Where `npm start` runs intake. */
export const DEFAULT_INTAKE_URL = 'http://127.0.0.1:3001';

const TIMEOUT_MS = 10_000;

/**
 * Intake's admin API for tenants' API keys (`/v1/admin/tenants/:tenantId/api-keys`), over HTTP with
 * an admin JWT. Every failure becomes an Error whose message is one line a person can act on.
 */
export class IntakeAdminClient {
  /** Where intake is, as the messages name it: no query, and no credentials (the URL takes none). */
  readonly address: string;

  constructor(
    baseUrl: URL,
    private readonly credential: AdminCredential,
  ) {
    this.address = `${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')}`;
  }

  createApiKey(tenantId: string, request: { name: string; scopes: string[] }): Promise<CreatedApiKey> {
    return this.request('POST', keysPath(tenantId), request);
  }

  listApiKeys(tenantId: string): Promise<ApiKeyView[]> {
    return this.request('GET', keysPath(tenantId));
  }

  async revokeApiKey(tenantId: string, id: string): Promise<void> {
    await this.request('DELETE', `${keysPath(tenantId)}/${encodeURIComponent(id)}`);
  }

  private async request<T>(method: string, path: string, body?: object): Promise<T> {
    // Relative to the base with a trailing slash, so an intake behind a path prefix works too.
    const url = new URL(path, `${this.address}/`);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.credential.token}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new Error(this.unreachable(error));
    }
    if (!response.ok) throw new Error(this.refusal(response, text));
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Error(`${this.address} answered ${method} /${path} with something other than JSON: is --intake-url (INTAKE_URL) intake's address?`);
    }
  }

  private unreachable(error: unknown): string {
    // Duck-typed: fetch's errors may come from another realm than this module's Error (e.g. under Jest).
    const { name, cause } = (error ?? {}) as { name?: string; cause?: { code?: string; message?: string } };
    if (name === 'TimeoutError') {
      return `Intake at ${this.address} did not answer within ${TIMEOUT_MS / 1000} s: is it running and healthy (${this.address}/health)?`;
    }
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is its cause's.
    const reason = cause?.code ?? cause?.message;
    return (
      `Cannot reach intake at ${this.address}${reason ? ` (${reason})` : ''}: is intake running? ` +
      'npm start starts it; --intake-url or INTAKE_URL point the CLI at another address.'
    );
  }

  private refusal(response: Response, text: string): string {
    const problem = parseProblem(text);
    const fields = (problem?.errors ?? []).map((e) => `${e.path || 'body'}: ${e.message}`);
    const what = fields.length ? fields.join('; ') : (problem?.detail ?? oneLine(text));
    const answer = sentence(`Intake answered ${response.status} ${problem?.title ?? response.statusText}${what ? `: ${what}` : ''}`);
    if (response.status === 401) return `${answer} ${this.credential.whenRefused}`;
    if (response.status === 403) return `${answer} The admin JWT needs the role admin and the tenant _platform or * (or the tenant itself).`;
    if (response.status >= 500) return `${answer} Intake's log says why.`;
    return answer;
  }
}

function keysPath(tenantId: string): string {
  return `v1/admin/tenants/${encodeURIComponent(tenantId)}/api-keys`;
}

function parseProblem(text: string): Problem | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as Problem) : undefined;
  } catch {
    return undefined; // not JSON: e.g. a proxy's HTML error page
  }
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A non-problem body, shortened onto one line. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

import type { SeededRandom } from './seeded-random';

/**
 * Generated requests for intake's fuzz test: every route, each request one family of bad input (or
 * a valid one) under one kind of credential. Everything comes from the SeededRandom, so a failing
 * case replays from its index.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const FAMILIES = [
  'valid',
  'content-type',
  'garbage-body',
  'deep-nesting',
  'huge',
  'nul',
  'lone-surrogate',
  'odd-time',
  'wrong-type',
  'path-and-query',
] as const;
export type Family = (typeof FAMILIES)[number];

/** Credentials a case presents; the test turns each into a header. */
export type Credential =
  | 'none'
  | 'api-key'
  | 'read-only-api-key'
  | 'revoked-api-key'
  | 'unknown-api-key'
  | 'garbage-bearer'
  | 'basic-auth'
  | 'operator-jwt'
  | 'tenant-admin-jwt'
  | 'agent-jwt'
  | 'forged-jwt'
  | 'expired-jwt'
  | 'twilio-signature'
  | 'bad-twilio-signature'
  | 'helpscout-signature'
  | 'bad-helpscout-signature';

/** `twilio` and `helpscout` routes authenticate each delivery by its signature, the tenant named in the query. */
type Auth = 'api-key' | 'admin-jwt' | 'twilio' | 'helpscout';

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  auth: Auth;
  /** The path with its parameters (already percent-encoded) filled in. */
  path(tenant: string, id: string): string;
  /** A well-formed body for the route, JSON or (Twilio) form parameters; none for GET and DELETE. */
  body?:
    | 'events'
    | 'ctr'
    | 'contact-lens'
    | 'contact-lens-segments'
    | 'genesys'
    | 'genesys-events'
    | 'genesys-surveys'
    | 'helpscout'
    | 'twilio'
    | 'api-key'
    | 'credentials';
  /** Headers the platform always sends on this route. */
  headers?: Record<string, string>;
}

export const ROUTES: readonly Route[] = [
  { name: 'POST /v1/events', method: 'POST', auth: 'api-key', path: () => '/v1/events', body: 'events' },
  { name: 'POST contact-records', method: 'POST', auth: 'api-key', path: () => '/v1/adapters/amazon-connect/contact-records', body: 'ctr' },
  { name: 'POST contact-lens', method: 'POST', auth: 'api-key', path: () => '/v1/adapters/amazon-connect/contact-lens', body: 'contact-lens' },
  {
    name: 'POST contact-lens-segments',
    method: 'POST',
    auth: 'api-key',
    path: () => '/v1/adapters/amazon-connect/contact-lens-segments',
    body: 'contact-lens-segments',
  },
  { name: 'POST genesys', method: 'POST', auth: 'api-key', path: () => '/v1/adapters/genesys/conversations', body: 'genesys' },
  { name: 'POST genesys events', method: 'POST', auth: 'api-key', path: () => '/v1/adapters/genesys/events', body: 'genesys-events' },
  { name: 'POST genesys surveys', method: 'POST', auth: 'api-key', path: () => '/v1/adapters/genesys/surveys', body: 'genesys-surveys' },
  {
    name: 'POST helpscout satisfaction-ratings',
    method: 'POST',
    auth: 'helpscout',
    path: (tenant) => `/v1/adapters/helpscout/satisfaction-ratings?tenant=${tenant}`,
    body: 'helpscout',
    headers: { 'X-HelpScout-Event': 'satisfaction.ratings' },
  },
  { name: 'POST twilio taskrouter', method: 'POST', auth: 'twilio', path: (tenant) => `/v1/adapters/twilio/taskrouter?tenant=${tenant}`, body: 'twilio' },
  { name: 'POST api-keys', method: 'POST', auth: 'admin-jwt', path: (tenant) => `/v1/admin/tenants/${tenant}/api-keys`, body: 'api-key' },
  { name: 'GET api-keys', method: 'GET', auth: 'admin-jwt', path: (tenant) => `/v1/admin/tenants/${tenant}/api-keys` },
  { name: 'DELETE api-key', method: 'DELETE', auth: 'admin-jwt', path: (tenant, id) => `/v1/admin/tenants/${tenant}/api-keys/${id}` },
  { name: 'PUT twilio credentials', method: 'PUT', auth: 'admin-jwt', path: (tenant) => `/v1/admin/tenants/${tenant}/credentials/twilio`, body: 'credentials' },
];

export interface FuzzCase {
  index: number;
  family: Family;
  route: string;
  method: Route['method'];
  path: string;
  credential: Credential;
  headers: Record<string, string>;
  body?: Buffer;
  /** What a Twilio signature covers: the form parameters as the route will read them. */
  signedParams: Record<string, string>;
  /** A few words on the input, for the failure report. */
  what: string;
}

export interface Fixtures {
  ctr: unknown;
  contactLens: unknown;
  contactLensSegments: unknown;
  genesys: unknown;
  genesysEvents: unknown;
  genesysSurvey: unknown;
  helpscout: unknown;
  twilio: Record<string, string>;
}

const NASTY_TENANTS = ['%00', 'ac%00me', '%ED%A0%80', '%ZZ', '%', 'a'.repeat(300), '%2A', '_platform', '%F0%9F%98%80', 'caf%C3%A9', '%2F', '%20'];
const NASTY_IDS = ['not-a-uuid', '%00', '%ED%B0%80', '0'.repeat(1000), '00000000-0000-4000-8000-000000000000', '%C0%AF'];
/** Queries of the signed routes, which name their tenant in the query. */
const NASTY_TENANT_QUERIES = [
  '',
  '?tenant=',
  '?tenant=%00',
  '?tenant[]=a&tenant[]=b',
  '?tenant=acme&tenant=acme',
  `?tenant=${'a'.repeat(201)}`,
  '?tenant=%ZZ',
  '?tenant=%ED%A0%80',
  '?tenant=acme&%00=1',
  '?tenant=acme&x=%00',
];
const NASTY_QUERIES = ['?x=%00', '?%00=x', '?x=%ZZ', '?x=%ED%A0%80', '?x[y][z]=1', '?limit=-1&limit=2'];
const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'multipart/form-data; boundary=x',
  'application/cloudevents-batch+json',
  'application/x-ndjson',
  '*/*',
  'garbage',
];
const ODD_TIMES: readonly Json[] = [
  '1969-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2099-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-11-25T25:61:00Z',
  '',
  '-1',
  '99999999999999999',
  '1e21',
  -1,
  0,
  1e21,
];
const WRONG_TYPES: readonly Json[] = [42, -1, 1.5e308, true, false, null, [], {}, [{}], 'string', ['a', 'b'], { '': '' }];

function event(id: string, time = '2026-11-25T09:30:00+08:00'): Json {
  return {
    specversion: '1.0',
    id,
    source: '/fuzz',
    type: 'contact.queued',
    time,
    xextension: 'attribute',
    data: { contactId: `c-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound', customer: { id: 'cust-1', phone: '13812345678' } },
  };
}

/** Every path into a value (object keys and array indexes), the value itself being []. Iterative. */
function pathsOf(root: Json): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const pending: Array<[Json, Array<string | number>]> = [[root, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => pending.push([item, [...path, i]]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pending.push([item, [...path, key]]);
  }
  return paths;
}

function parentOf(root: Json, path: ReadonlyArray<string | number>): Json {
  let at: Json = root;
  for (const step of path.slice(0, -1)) at = (at as Record<string, Json>)[step as string];
  return at;
}

function setAt(root: Json, path: ReadonlyArray<string | number>, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  (parentOf(copy, path) as Record<string, Json>)[path[path.length - 1] as string] = value;
  return copy;
}

function renameAt(root: Json, path: ReadonlyArray<string | number>, name: string): Json {
  const copy = structuredClone(root);
  const parent = parentOf(copy, path);
  if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return copy;
  const key = path[path.length - 1] as string;
  parent[name] = parent[key];
  delete parent[key];
  return copy;
}

const nestedArrays = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
const nestedObjects = (levels: number): string => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);

/** Builds the cases: `count` of them, cycling through the routes, families and credentials drawn at random. */
export function fuzzCases(random: SeededRandom, count: number, fixtures: Fixtures): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let index = 0; index < count; index++) {
    const route = ROUTES[index % ROUTES.length];
    const family = random.pick(FAMILIES);
    cases.push(buildCase(random, index, route, family, fixtures));
  }
  return cases;
}

function credentialFor(random: SeededRandom, auth: Auth): Credential {
  // Mostly the right credential, so that the input reaches the route's own code.
  if (random.chance(0.7)) {
    if (auth === 'admin-jwt') return random.pick(['operator-jwt', 'tenant-admin-jwt'] as const);
    return auth === 'api-key' ? 'api-key' : auth === 'twilio' ? 'twilio-signature' : 'helpscout-signature';
  }
  return random.pick([
    'none',
    'api-key',
    'read-only-api-key',
    'revoked-api-key',
    'unknown-api-key',
    'garbage-bearer',
    'basic-auth',
    'operator-jwt',
    'agent-jwt',
    'forged-jwt',
    'expired-jwt',
    'twilio-signature',
    'bad-twilio-signature',
    'helpscout-signature',
    'bad-helpscout-signature',
  ] as const);
}

function baseBody(random: SeededRandom, kind: NonNullable<Route['body']>, index: number, fixtures: Fixtures): Json {
  switch (kind) {
    case 'events': {
      const shape = random.int(0, 2);
      if (shape === 0) return event(`fuzz-${index}`);
      const batch = [event(`fuzz-${index}-a`), event(`fuzz-${index}-b`)];
      return shape === 1 ? { events: batch } : batch;
    }
    case 'ctr':
      return fixtures.ctr as Json;
    case 'contact-lens':
      return fixtures.contactLens as Json;
    case 'contact-lens-segments':
      return fixtures.contactLensSegments as Json;
    case 'genesys':
      return fixtures.genesys as Json;
    case 'genesys-events':
      return fixtures.genesysEvents as Json;
    case 'genesys-surveys':
      return random.chance(0.5) ? (fixtures.genesysSurvey as Json) : { topicName: 'v2.quality.surveys', eventBody: fixtures.genesysSurvey as Json };
    case 'helpscout':
      // A rating id of its own per case, so valid cases are not all duplicates.
      return { ...(fixtures.helpscout as Record<string, Json>), id: 100_000 + index };
    case 'twilio':
      return { ...fixtures.twilio, TaskSid: `WT${String(index).padStart(32, '0')}` };
    case 'api-key':
      return random.chance(0.5) ? { name: `fuzz-${index}` } : { name: `fuzz-${index}`, scopes: ['events:write'] };
    case 'credentials':
      return { authToken: 'f'.repeat(32) };
  }
}

/** A leaf or key inside `body` with `bad` in it: replacing a string's middle, or a key's name. */
function withText(random: SeededRandom, body: Json, bad: string): { body: Json; what: string } {
  const paths = pathsOf(body).filter((path) => path.length > 0);
  if (paths.length === 0) return { body: bad, what: 'the whole body' };
  const path = random.pick(paths);
  if (random.chance(0.25) && typeof path[path.length - 1] === 'string') {
    return { body: renameAt(body, path, `k${bad}ey`), what: `the key ${path.join('.')}` };
  }
  const current = (() => {
    const value = parentOf(body, path) as Record<string, Json>;
    return value[path[path.length - 1] as string];
  })();
  const text = typeof current === 'string' ? current : 'value';
  const cut = random.int(0, text.length);
  return { body: setAt(body, path, text.slice(0, cut) + bad + text.slice(cut)), what: `${path.join('.')}` };
}

function buildCase(random: SeededRandom, index: number, route: Route, family: Family, fixtures: Fixtures): FuzzCase {
  let tenant = 'acme';
  let id = '00000000-0000-4000-8000-000000000000';
  let query = '';
  let what = 'a well-formed request';
  let body: Json | undefined = route.body ? baseBody(random, route.body, index, fixtures) : undefined;
  let raw: string | Buffer | undefined;
  const form = route.body === 'twilio';
  let contentType: string | undefined = form ? 'application/x-www-form-urlencoded' : route.body ? 'application/json' : undefined;

  switch (family) {
    case 'valid':
      break;
    case 'content-type':
      contentType = random.pick(CONTENT_TYPES);
      what = `content type ${contentType ?? '(none)'}`;
      break;
    case 'garbage-body': {
      const serialized = JSON.stringify(body ?? {});
      const garbage: Array<[string, () => string | Buffer]> = [
        ['an empty body', () => ''],
        ['an unterminated object', () => '{'],
        ['JSON null', () => 'null'],
        ['a JSON number', () => '42'],
        ['a JSON string', () => '"text"'],
        ['an empty array', () => '[]'],
        ['[null]', () => '[null]'],
        ['truncated JSON', () => serialized.slice(0, random.int(1, serialized.length - 1))],
        ['random bytes', () => Buffer.from(Array.from({ length: random.int(1, 200) }, () => random.int(0, 255)))],
        ['a byte-order mark first', () => '\uFEFF' + serialized],
        ['two concatenated objects', () => '{"a":1}{"b":2}'],
        ['NaN', () => 'NaN'],
        ['form garbage', () => '&&==&%ZZ=%&a[=1&[]=2'],
      ];
      const [name, make] = random.pick(garbage);
      raw = make();
      what = name;
      if (!contentType && random.chance(0.5)) contentType = 'application/json';
      break;
    }
    case 'deep-nesting': {
      const arrays = random.chance(0.5);
      if (form) {
        raw = `${encodeURIComponent('a' + '[b]'.repeat(random.pick([40, 5000])))}=1`;
        what = 'a form key nested deep';
      } else if (random.chance(0.5)) {
        raw = arrays ? nestedArrays(5000) : nestedObjects(5000);
        what = `5,000 nested ${arrays ? 'arrays' : 'objects'}`;
      } else {
        const paths = pathsOf(body ?? {}).filter((p) => p.length > 0);
        const path = paths.length > 0 ? random.pick(paths) : [];
        raw = JSON.stringify(setAt(body ?? {}, path, '__deep__')).replace('"__deep__"', arrays ? nestedArrays(5000) : nestedObjects(5000));
        what = `5,000 nested ${arrays ? 'arrays' : 'objects'} at ${path.join('.') || 'the root'}`;
      }
      contentType ??= 'application/json';
      if (route.body === 'ctr' && random.chance(0.5)) contentType = 'application/x-ndjson';
      break;
    }
    case 'huge': {
      const size = random.pick([300_000, 1_100_000]);
      const { body: mutated, what: where } = withText(random, body ?? {}, 'x'.repeat(size));
      body = mutated;
      what = `a ${size.toLocaleString('en')}-character string at ${where}`;
      if (route.body === 'events' && random.chance(0.3)) {
        body = { events: Array.from({ length: 1001 }, (_, i) => event(`fuzz-${index}-${i}`)) };
        what = 'a batch of 1,001 events';
      }
      break;
    }
    case 'nul':
    case 'lone-surrogate': {
      const bad = family === 'nul' ? random.pick(['\0', 'a\0b', '\0\0']) : random.pick(['\uD800', '\uDFFF', 'x\uDC00y', '\uDBFF']);
      if (route.body === 'events' && random.chance(0.3)) {
        // An extension attribute of its own, beside the envelope's.
        body = { ...(event(`fuzz-${index}`) as Record<string, Json>), [`x${random.int(0, 9)}`]: bad };
        what = 'an extension attribute';
      } else if (body !== undefined) {
        const mutated = withText(random, body, bad);
        body = mutated.body;
        what = mutated.what;
      }
      if (form && family === 'lone-surrogate') raw = `${new URLSearchParams(body as Record<string, string>).toString()}&Extra=%ED%A0%80`;
      if (!route.body || random.chance(0.2)) {
        tenant = family === 'nul' ? 'ac%00me' : '%ED%A0%80';
        id = family === 'nul' ? '%00' : '%ED%B0%80';
        what += ' and the path parameters';
      }
      break;
    }
    case 'odd-time': {
      const time = random.pick(ODD_TIMES);
      if (body !== undefined) {
        const timePaths = pathsOf(body).filter((path) => /time|timestamp|date|At$/i.test(String(path[path.length - 1] ?? '')));
        const path = timePaths.length > 0 ? random.pick(timePaths) : ['time'];
        body = setAt(body, path, form ? String(time) : time);
        what = `${path.join('.')} = ${JSON.stringify(time)}`;
      }
      break;
    }
    case 'wrong-type': {
      if (body !== undefined) {
        const paths = pathsOf(body);
        const path = random.pick(paths);
        const replacement = random.chance(0.2) ? [body] : random.pick(WRONG_TYPES);
        body = setAt(body, path, form ? String(JSON.stringify(replacement)) : replacement);
        what = `${path.length > 0 ? path.join('.') : 'the body'} = ${JSON.stringify(replacement).slice(0, 40)}`;
      }
      break;
    }
    case 'path-and-query':
      if (route.auth === 'twilio' || route.auth === 'helpscout') query = random.pick(NASTY_TENANT_QUERIES);
      else {
        if (route.auth === 'admin-jwt' && random.chance(0.7)) tenant = random.pick(NASTY_TENANTS);
        if (route.method === 'DELETE' && random.chance(0.7)) id = random.pick(NASTY_IDS);
        if (random.chance(0.5)) query = random.pick(NASTY_QUERIES);
      }
      what = `tenant ${tenant}, id ${id.slice(0, 40)}, query ${query.slice(0, 60)}`;
      break;
  }

  let path = route.path(tenant, id);
  if ((route.auth === 'twilio' || route.auth === 'helpscout') && family === 'path-and-query') path = path.replace(/\?tenant=.*$/, query);
  else if (query) path += path.includes('?') ? `&${query.slice(1)}` : query;

  let signedParams: Record<string, string> = {};
  let bytes: Buffer | undefined;
  if (raw !== undefined) bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  else if (body !== undefined && form && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const encoded = new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
    bytes = Buffer.from(encoded, 'utf8');
    signedParams = Object.fromEntries(new URLSearchParams(encoded));
  } else if (body !== undefined) bytes = Buffer.from(JSON.stringify(body), 'utf8');

  const headers: Record<string, string> = { ...route.headers };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return {
    index,
    family,
    route: route.name,
    method: route.method,
    path,
    credential: credentialFor(random, route.auth),
    headers,
    body: bytes,
    signedParams,
    what,
  };
}

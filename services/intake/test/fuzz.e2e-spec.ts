import { createHmac } from 'node:crypto';
import { generateApiKey, signDevToken } from '@hotline/platform';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import contactLens from './fixtures/amazon-connect/contact-lens-call-en.json';
import contactLensSegments from './fixtures/amazon-connect/contact-lens-realtime-voice.json';
import ctr from './fixtures/amazon-connect/ctr-voice-answered.json';
import genesys from './fixtures/genesys/conversation-details-query.json';
import genesysEvents from './fixtures/genesys/detail-events-answered-eventbridge.json';
import genesysSurvey from './fixtures/genesys-surveys/finished-survey.json';
import helpscout from './fixtures/helpscout/satisfaction-rating.json';
import twilioCreated from './fixtures/twilio/task-created.json';
import { insertApiKey } from './support/api-keys';
import { type Credential, type FuzzCase, fuzzCases } from './support/fuzz-cases';
import { rawRequest, type RawResponse } from './support/raw-http';
import { SeededRandom } from './support/seeded-random';

const SEED = 20261129;
// 45 cases a route, as when the fuzz had its first ten routes.
const CASES = 585;
const PUBLIC_URL = 'https://hotline.example.com';
const TWILIO_AUTH_TOKEN = '9f86d081884c7d659a2feaa0c55ad015';
const HELPSCOUT_SECRET_KEY = 'fuzz-helpscout-secret';

/** Twilio's signature, written out here as in the TaskRouter test: HMAC-SHA1 of the URL and the sorted parameters. */
function twilioSignature(url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((signed, name) => signed + name + params[name], url);
  return createHmac('sha1', TWILIO_AUTH_TOKEN).update(data).digest('base64');
}

interface Failure {
  index: number;
  family: string;
  route: string;
  credential: Credential;
  what: string;
  status: number;
  contentType: string;
  detail: string;
}

/**
 * Issue 7: a fuzzer found 5xx where a client error belongs. A few hundred requests generated from a
 * fixed seed cover every intake route with the shapes that found them (content types, garbage and
 * truncated JSON, deep nesting, huge strings, NUL and lone surrogates, odd times, wrong types,
 * bad path and query parameters) under every kind of credential. Never a 5xx; every 4xx is
 * problem+json. A failure lists each case with its index: replay it from SEED.
 */
describe('intake: seeded fuzz of every route (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  const authorization = new Map<Credential, string>();

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', env: { INTAKE_PUBLIC_URL: PUBLIC_URL } });
    const jwt = (tenant: string, role: 'admin' | 'agent', secret = svc.env.jwtSecret) => signDevToken({ tenant, roles: [role], subject: 'fuzz', secret });
    const bearer = (token: string) => `Bearer ${token}`;
    authorization.set('api-key', bearer(await insertApiKey(svc.db, 'acme')));
    authorization.set('read-only-api-key', bearer(await insertApiKey(svc.db, 'acme', { scopes: ['events:read'] })));
    authorization.set('revoked-api-key', bearer(await insertApiKey(svc.db, 'acme', { revoked: true })));
    authorization.set('unknown-api-key', bearer(generateApiKey().key));
    authorization.set('garbage-bearer', 'Bearer not.a.token');
    authorization.set('basic-auth', 'Basic YWRtaW46YWRtaW4=');
    authorization.set('operator-jwt', bearer(await jwt('*', 'admin')));
    authorization.set('tenant-admin-jwt', bearer(await jwt('acme', 'admin')));
    authorization.set('agent-jwt', bearer(await jwt('acme', 'agent')));
    authorization.set('forged-jwt', bearer(await jwt('*', 'admin', 'not-the-secret')));
    authorization.set(
      'expired-jwt',
      bearer(await signDevToken({ tenant: '*', roles: ['admin'], secret: svc.env.jwtSecret, expiresIn: Math.floor(Date.now() / 1000) - 1 })),
    );
    const setToken = await rawRequest(
      svc.port,
      'PUT',
      '/v1/admin/tenants/acme/credentials/twilio',
      { Authorization: authorization.get('operator-jwt') ?? '', 'Content-Type': 'application/json' },
      Buffer.from(JSON.stringify({ authToken: TWILIO_AUTH_TOKEN })),
    );
    expect(setToken.status).toBe(204);
    const setSecret = await rawRequest(
      svc.port,
      'PUT',
      '/v1/admin/tenants/acme/credentials/helpscout',
      { Authorization: authorization.get('operator-jwt') ?? '', 'Content-Type': 'application/json' },
      Buffer.from(JSON.stringify({ secretKey: HELPSCOUT_SECRET_KEY })),
    );
    expect(setSecret.status).toBe(204);
  });

  afterAll(() => svc?.stop());

  const send = (fuzz: FuzzCase): Promise<RawResponse> => {
    const headers = { ...fuzz.headers };
    if (fuzz.credential === 'twilio-signature') headers['X-Twilio-Signature'] = twilioSignature(PUBLIC_URL + fuzz.path, fuzz.signedParams);
    else if (fuzz.credential === 'bad-twilio-signature') headers['X-Twilio-Signature'] = 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==';
    // Help Scout signs the raw body: Base64 HMAC-SHA1 with the webhook's secret key.
    else if (fuzz.credential === 'helpscout-signature') headers['X-HelpScout-Signature'] = createHmac('sha1', HELPSCOUT_SECRET_KEY).update(fuzz.body ?? Buffer.alloc(0)).digest('base64');
    else if (fuzz.credential === 'bad-helpscout-signature') headers['X-HelpScout-Signature'] = 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==';
    else if (fuzz.credential !== 'none') headers['Authorization'] = authorization.get(fuzz.credential) ?? '';
    return rawRequest(svc.port, fuzz.method, fuzz.path, headers, fuzz.body);
  };

  it(`answers ${CASES} generated requests (seed ${SEED}) without a 5xx, every 4xx as problem+json`, async () => {
    const cases = fuzzCases(new SeededRandom(SEED), CASES, {
      ctr,
      contactLens,
      contactLensSegments,
      genesys,
      genesysEvents,
      genesysSurvey,
      helpscout,
      twilio: twilioCreated,
    });
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    for (const fuzz of cases) {
      const res = await send(fuzz);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problemJson = res.contentType.startsWith('application/problem+json');
      if (res.status >= 500 || (res.status >= 400 && !problemJson)) {
        const { index, family, route, credential, what } = fuzz;
        const detail = problemJson ? String((JSON.parse(res.body) as { detail?: unknown }).detail) : res.body.slice(0, 120);
        failures.push({ index, family, route, credential, what: what.slice(0, 120), status: res.status, contentType: res.contentType, detail });
      }
    }
    expect(failures).toEqual([]);
    // The inputs reach the routes' own code: some are accepted, most are refused for what they are.
    const count = (from: number, to: number) => [...statuses].filter(([status]) => status >= from && status < to).reduce((n, [, c]) => n + c, 0);
    expect(count(200, 300)).toBeGreaterThan(CASES / 20);
    expect(count(400, 500)).toBeGreaterThan(CASES / 2);
    // Some 14 s on a quiet machine; a loaded one took over 30.
  }, 90_000);
});

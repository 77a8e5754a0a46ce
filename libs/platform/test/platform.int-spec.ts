import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource, type DataSourceOptions, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';
import { BROKER_CONNECTION, CorrelationContext } from '@hotline/messaging';
import {
  API_KEY_VERIFIER,
  ApiKeyAuth,
  type ApiKeyCheck,
  AUTH_FAILURE_LISTENER,
  type AuthFailure,
  configurePlatformApp,
  CurrentPrincipal,
  databaseOptions,
  generateApiKey,
  hashApiKey,
  parseOr400,
  PlatformConfig,
  PlatformModule,
  type Principal,
  Public,
  type Role,
  Roles,
  signDevToken,
} from '../src';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';

const JWT_SECRET = 'platform-int-spec-secret';

class CreateProbes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE platform_test.probes (id int PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE platform_test.probes');
  }
}

class CreateReplicaProbes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE replicas.probes (id int PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE replicas.probes');
  }
}

@Controller('v1/sample')
class SampleController {
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return { principal, correlation: CorrelationContext.current() };
  }

  @Get('supervision')
  @Roles('supervisor', 'admin')
  supervision() {
    return { ok: true };
  }

  @Get('tenants/:tenantId/settings')
  @Roles('admin')
  adminOnly() {
    return { ok: true };
  }

  @Post('events')
  @ApiKeyAuth('events:write')
  ingest(@CurrentPrincipal() principal: Principal) {
    return { principal };
  }

  @Post('echo')
  @Public()
  echo(@Body() body: unknown) {
    return parseOr400(z.object({ data: z.object({ contactId: z.string() }) }), body);
  }

  @Get('items/:itemId')
  @Public()
  item(@Param('itemId') itemId: string, @Query() query: unknown) {
    return { itemId, query };
  }

  @Get('cases/:caseId')
  @Roles('agent')
  case(@Param('caseId') caseId: string) {
    return { caseId };
  }

  @Get('boom')
  @Public()
  boom(): never {
    throw new Error('password authentication failed for user "postgres"');
  }
}

const broker = { connected: true, isConnected: () => broker.connected };
const validKey = generateApiKey();
const readOnlyKey = generateApiKey();
const revokedKey = generateApiKey();
const apiKeys = new Map<string, ApiKeyCheck>([
  [validKey.hash, { status: 'valid', principal: { keyId: 'key-1', tenantId: 'acme', scopes: ['events:write'] } }],
  [readOnlyKey.hash, { status: 'valid', principal: { keyId: 'key-2', tenantId: 'acme', scopes: ['events:read'] } }],
  [revokedKey.hash, { status: 'revoked' }],
]);
const authFailures: AuthFailure[] = [];

/** What a service gives the auth guard: its API-key store and its failure listener. */
@Module({
  providers: [
    { provide: API_KEY_VERIFIER, useValue: { verify: async (key: string) => apiKeys.get(hashApiKey(key)) ?? { status: 'unknown' } } },
    { provide: AUTH_FAILURE_LISTENER, useValue: { onAuthFailure: (failure: AuthFailure) => authFailures.push(failure) } },
  ],
  exports: [API_KEY_VERIFIER, AUTH_FAILURE_LISTENER],
})
class SampleKeysModule {}

/** A service's AppModule, declared (and PlatformModule.forRoot called) before the test sets the environment. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'platform-test', auth: { imports: [SampleKeysModule] } }),
    TypeOrmModule.forRootAsync(databaseOptions({ schema: 'platform_test', entities: [], migrations: [CreateProbes1700000000000] })),
  ],
  controllers: [SampleController],
  providers: [
    { provide: BROKER_CONNECTION, useValue: broker },
  ],
})
class SampleAppModule {}

describe('PlatformModule in a service', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  const token = (roles: Role[], secret = JWT_SECRET) =>
    signDevToken({ tenant: 'acme', roles, subject: 'user-1', secret });

  beforeAll(async () => {
    db = await createTestDatabase();
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      JWT_SECRET,
      LOG_LEVEL: 'silent',
      ADMIN_THROTTLE_FAILURES: '3',
    });

    const moduleRef = await Test.createTestingModule({ imports: [SampleAppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configurePlatformApp(app, { bodyLimit: '1kb' });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(() => {
    broker.connected = true;
    authFailures.length = 0;
  });

  it("runs the service's migrations in its own schema, migrations table included", async () => {
    const [tables] = await app
      .get(DataSource)
      .query(`SELECT to_regclass('platform_test.migrations') AS migrations, to_regclass('platform_test.probes') AS probes`);
    expect(tables).toEqual({ migrations: 'platform_test.migrations', probes: 'platform_test.probes' });
  });

  it('lets replicas that start together migrate in turn, each migration once', async () => {
    const { useFactory, dataSourceFactory } = databaseOptions({
      schema: 'replicas',
      entities: [],
      migrations: [CreateReplicaProbes1700000000000],
    });
    const options = (await useFactory?.(app.get(PlatformConfig))) as DataSourceOptions;
    const replicas = await Promise.all([1, 2, 3].map(() => dataSourceFactory?.(options)));
    try {
      const applied = await replicas[0]?.query('SELECT name FROM replicas.migrations');
      expect(applied).toEqual([{ name: 'CreateReplicaProbes1700000000000' }]);
    } finally {
      await Promise.all(replicas.map((replica) => replica?.destroy()));
    }
  });

  describe('GET /health', () => {
    it('is 200 while the database and the broker are up', async () => {
      const res = await http.get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, broker: { status: 'up' } } });
      expect(res.body.details).not.toHaveProperty('timers'); // no durable timers in this app: nothing to report
    });

    it('is 503 naming the failing check when the broker is down', async () => {
      broker.connected = false;
      const res = await http.get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'error', error: { broker: { status: 'down' } }, info: { database: { status: 'up' } } });
    });

    it('answers liveness regardless', async () => {
      broker.connected = false;
      await http.get('/health/live').expect(200, { status: 'ok' });
    });
  });

  it('GET /metrics serves Prometheus text with HTTP and process metrics labelled by service', async () => {
    await http.get('/health/live').expect(200);
    const res = await http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/health\/live",status="200",service="platform-test"\} \d+/);
    expect(res.text).toContain('http_request_duration_seconds_bucket{');
    expect(res.text).toMatch(/process_cpu_user_seconds_total\{service="platform-test"\}/);
  });

  it('GET /docs-json is the OpenAPI document, with bearer auth declared; /docs is its UI', async () => {
    const res = await http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes).toMatchObject({
      jwt: { type: 'http', scheme: 'bearer' },
      'api-key': { type: 'http', scheme: 'bearer' },
    });
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/v1/sample/me', '/v1/sample/events']));
    // @Roles is documented: machine-readable for clients (and the route walk), and in words.
    const supervision = res.body.paths['/v1/sample/supervision'].get;
    expect(supervision['x-hotline-roles']).toEqual(['supervisor', 'admin']);
    expect(supervision.description).toContain('Needs a JWT with one of the roles: supervisor, admin.');
    expect(res.body.paths['/v1/sample/me'].get).not.toHaveProperty('x-hotline-roles');
    expect(res.body.paths['/v1/sample/tenants/{tenantId}/settings'].get.responses['429'].description).toContain('Too many failed attempts');
    expect(supervision.responses).not.toHaveProperty('429');
    expect((await http.get('/docs/')).text).toContain('swagger-ui');
  });

  describe('JWT routes', () => {
    it('401 without credentials, as problem+json, and tell the failure listener', async () => {
      const res = await http.get('/v1/sample/me').expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
      // RFC 6750 §3.1: no error code when no credentials were sent.
      expect(res.headers['www-authenticate']).toBe('Bearer realm="hotline"');
      expect(authFailures).toEqual([{ reason: 'missing-credentials', remoteAddress: expect.any(String), route: 'GET /v1/sample/me' }]);
    });

    it('401 with a token signed by another secret, or expired', async () => {
      const forged = await token(['admin'], 'not-the-service-secret');
      const refused = await http.get('/v1/sample/me').auth(forged, { type: 'bearer' }).expect(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="hotline", error="invalid_token", error_description="The bearer token is not valid."');
      const expired = await signDevToken({ tenant: 'acme', roles: ['agent'], secret: JWT_SECRET, expiresIn: Math.floor(Date.now() / 1000) - 1 });
      const res = await http.get('/v1/sample/me').auth(expired, { type: 'bearer' }).expect(401);
      expect(res.body.detail).toBe('The bearer token has expired.');
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      expect(authFailures.map((f) => f.reason)).toEqual(['invalid-token', 'expired-token']);
    });

    it('403 when none of the required roles is held', async () => {
      const res = await http.get('/v1/sample/supervision').auth(await token(['agent']), { type: 'bearer' }).expect(403);
      expect(res.body).toMatchObject({ status: 403, detail: 'This route needs one of the roles: supervisor, admin.' });
      expect(res.headers['www-authenticate']).toContain('error="insufficient_scope"');
      expect(authFailures.map((f) => f.reason)).toEqual(['missing-role']);
    });

    it('429 on an admin-only route once a client has failed there too often, even with a good token; other routes unaffected', async () => {
      const settings = (path = '/v1/sample/tenants/acme/settings') => http.get(path);
      await settings().auth(await token(['admin']), { type: 'bearer' }).expect(200);
      await settings().expect(401);
      await settings().auth(await token(['admin'], 'not-the-service-secret'), { type: 'bearer' }).expect(401);
      await settings('/v1/sample/tenants/other/settings').auth(await token(['supervisor']), { type: 'bearer' }).expect(403);
      const throttled = await settings().auth(await token(['admin']), { type: 'bearer' }).expect(429);
      expect(throttled.headers['retry-after']).toMatch(/^(60|59)$/);
      expect(throttled.body).toMatchObject({ status: 429, detail: expect.stringMatching(/^Too many failed attempts on this admin route; retry in \d+ s\.$/) });
      await http.get('/v1/sample/supervision').auth(await token(['admin']), { type: 'bearer' }).expect(200);
      // A route open to other roles too is not an admin route: its failures are never throttled.
      for (let i = 0; i < 4; i++) await http.get('/v1/sample/supervision').expect(401);
    });

    it('200 with a valid token; the principal and its tenant reach the handler and the correlation context', async () => {
      await http.get('/v1/sample/supervision').auth(await token(['supervisor']), { type: 'bearer' }).expect(200);
      const res = await http
        .get('/v1/sample/me')
        .auth(await token(['agent']), { type: 'bearer' })
        .set('X-Correlation-Id', 'call-42')
        .set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
        .expect(200);
      expect(res.headers['x-correlation-id']).toBe('call-42');
      expect(res.body).toEqual({
        principal: { kind: 'jwt', subject: 'user-1', tenantId: 'acme', roles: ['agent'] },
        // The caller's trace, continued in a span of the request's own.
        correlation: {
          correlationId: 'call-42',
          tenantId: 'acme',
          trace: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: expect.stringMatching(/^[0-9a-f]{16}$/), flags: '01' },
        },
      });
      expect(res.body.correlation.trace.spanId).not.toBe('00f067aa0ba902b7');
    });
  });

  describe('API key routes', () => {
    const ingest = (key?: string) => {
      const req = http.post('/v1/sample/events').send({});
      return key ? req.auth(key, { type: 'bearer' }) : req;
    };

    it('401 without a key or with an unknown one', async () => {
      await ingest().expect(401);
      const unknown = generateApiKey();
      await ingest(unknown.key).expect(401);
      expect(authFailures).toEqual([
        expect.objectContaining({ reason: 'missing-credentials' }),
        expect.objectContaining({ reason: 'unknown-api-key', keyPrefix: unknown.prefix, route: 'POST /v1/sample/events' }),
      ]);
    });

    it('401 for a JWT: the route takes API keys only', async () => {
      await ingest(await token(['admin'])).expect(401);
    });

    it('403 for a revoked key or one without the scope', async () => {
      await ingest(revokedKey.key).expect(403);
      const res = await ingest(readOnlyKey.key).expect(403);
      expect(res.body.detail).toBe('The API key lacks the "events:write" scope.');
      expect(authFailures.map((f) => [f.reason, f.keyPrefix])).toEqual([
        ['revoked-api-key', revokedKey.prefix],
        ['missing-scope', readOnlyKey.prefix],
      ]);
    });

    it('accepts a valid key with the scope', async () => {
      const res = await ingest(validKey.key).expect(201);
      expect(res.body.principal).toEqual({ kind: 'api-key', keyId: 'key-1', tenantId: 'acme', scopes: ['events:write'] });
    });
    it("answers a body's problem only once the caller is authenticated: anonymous callers get their 401 first", async () => {
      const bodies: [string, string, number][] = [
        ['malformed JSON', '{"data": ', 400],
        ['over the limit', JSON.stringify({ data: 'x'.repeat(2048) }), 413],
      ];
      for (const [what, body, status] of bodies) {
        const post = () => http.post('/v1/sample/events').set('Content-Type', 'application/json');
        const anonymous = await post().send(body);
        expect([what, anonymous.status, anonymous.headers['www-authenticate']]).toEqual([what, 401, 'Bearer realm="hotline"']);
        const refused = await post().auth(generateApiKey().key, { type: 'bearer' }).send(body);
        expect([what, refused.status]).toEqual([what, 401]);
        const authenticated = await post().auth(validKey.key, { type: 'bearer' }).send(body);
        expect([what, authenticated.status, authenticated.headers['content-type']]).toEqual([what, status, expect.stringMatching(/^application\/problem\+json/)]);
      }
    });
  });

  describe('errors', () => {
    it('malformed JSON is a 400 problem, with a correlation id', async () => {
      const res = await http.post('/v1/sample/echo').set('Content-Type', 'application/json').send('{"data": ').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).toMatchObject({ type: 'urn:hotline:problem:malformed-json', title: 'Malformed JSON', status: 400 });
    });

    it('a body over the limit is a 413 problem', async () => {
      const res = await http.post('/v1/sample/echo').send({ data: { contactId: 'x'.repeat(2048) } }).expect(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ title: 'Payload Too Large', status: 413, detail: 'The request body is larger than the limit of 1024 bytes.' });
    });

    it('an unsupported body encoding is a 415 problem', async () => {
      const res = await http
        .post('/v1/sample/echo')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'compress')
        .send('{}')
        .expect(415);
      expect(res.body).toMatchObject({ title: 'Unsupported Media Type', status: 415 });
    });

    it('invalid input is a 400 problem listing each field by dotted path', async () => {
      const res = await http.post('/v1/sample/echo').send({ data: {} }).expect(400);
      expect(res.body).toMatchObject({
        type: 'urn:hotline:problem:validation',
        status: 400,
        errors: [{ path: 'data.contactId', message: expect.any(String) }],
      });
    });

    it('an unknown route is a 404 problem', async () => {
      const res = await http.get('/v1/nowhere').expect(404);
      expect(res.body).toMatchObject({ title: 'Not Found', status: 404 });
    });

    it('an unexpected error is a generic 500 that leaks nothing', async () => {
      const res = await http.get('/v1/sample/boom').expect(500);
      expect(res.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred; it has been logged.',
      });
    });
  });

  describe('path and query parameters', () => {
    const expectRefused = async (url: string, errors: Array<{ path: string; message: string }>) => {
      const res = await http.get(url).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'urn:hotline:problem:validation', status: 400 });
      expect(res.body.errors).toEqual(errors);
    };

    it('reach the handler decoded when they are ordinary text', async () => {
      const res = await http.get('/v1/sample/items/caf%C3%A9%20%F0%9F%98%80?q=a+b%20c&tag=x&tag=y').expect(200);
      expect(res.body).toEqual({ itemId: 'café 😀', query: { q: 'a b c', tag: ['x', 'y'] } });
    });

    it('are refused with a 400 naming each one when they hold NUL', async () => {
      await expectRefused('/v1/sample/items/%00', [{ path: 'params.itemId', message: 'must not contain NUL (U+0000)' }]);
      await expectRefused('/v1/sample/items/ok?tenant=%00', [{ path: 'query.tenant', message: 'must not contain NUL (U+0000)' }]);
      await expectRefused('/v1/sample/items/a%00b?tenant=a&tenant=b%00', [
        { path: 'params.itemId', message: 'must not contain NUL (U+0000)' },
        { path: 'query.tenant', message: 'must not contain NUL (U+0000)' },
      ]);
    });

    it('are refused with a 400 naming them when not valid percent-encoded UTF-8 (lone surrogates included)', async () => {
      const message = 'is not valid percent-encoded UTF-8';
      await expectRefused('/v1/sample/items/ok?tenant=%ZZ', [{ path: 'query.tenant', message }]);
      await expectRefused('/v1/sample/items/ok?tenant=%ED%A0%80', [{ path: 'query.tenant', message }]);
      await expectRefused('/v1/sample/items/%E0%A4', [{ path: 'params', message: 'The URL path is not valid percent-encoded UTF-8' }]);
      await expectRefused('/v1/sample/items/%ED%B0%80', [{ path: 'params', message: 'The URL path is not valid percent-encoded UTF-8' }]);
    });

    it('are checked after authentication: an anonymous caller gets its 401 first', async () => {
      await http.get('/v1/sample/cases/%00').expect(401);
      const res = await http.get('/v1/sample/cases/%00').auth(await token(['agent']), { type: 'bearer' }).expect(400);
      expect(res.body.errors).toEqual([{ path: 'params.caseId', message: 'must not contain NUL (U+0000)' }]);
    });
  });

  it('replaces an unsafe X-Correlation-Id with a fresh one', async () => {
    const res = await http.get('/health/live').set('X-Correlation-Id', 'bad id with spaces').expect(200);
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

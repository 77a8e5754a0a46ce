import { randomUUID } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { eventually, SseClient } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AlertDeliveryModule } from '../src/alert-delivery/alert-delivery.module';
import { AlertsModule } from '../src/alerts/alerts.module';
import { AppModule } from '../src/app.module';

// The app with one of the two modules scanned first: its controllers' routes are registered first.
@Module({ imports: [AlertsModule, AppModule] })
class AlertsRoutesFirst {}

@Module({ imports: [AlertDeliveryModule, AppModule] })
class DeliveryRoutesFirst {}

/** Where Express holds a route, by its pattern: it tries them in this order. */
const routeIndex = (svc: StartedService, path: string): number => {
  const stack = (svc.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string } }[] } }).router.stack;
  return stack.findIndex((layer) => layer.route?.path === path);
};

describe.each([
  ['GET /v1/alerts/:alertId', AlertsRoutesFirst, (a: number, s: number) => a < s],
  ['GET /v1/alerts/stream', DeliveryRoutesFirst, (a: number, s: number) => s < a],
] as [string, Type<unknown>, (alertIdRoute: number, streamRoute: number) => boolean][])(
  'quality: GET /v1/alerts/stream and GET /v1/alerts/:alertId, %s registered first (real HTTP)',
  (_first, root, premise) => {
    let svc: StartedService;
    let token: string;

    beforeAll(async () => {
      svc = await startService(root, { name: 'quality', env: { QUALITY_ALERT_STREAM_HEARTBEAT_SECONDS: '0.2' } });
      token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    });

    afterAll(() => svc?.stop());

    it('registers the routes in the order this case is about', () => {
      const alertIdRoute = routeIndex(svc, '/v1/alerts/:alertId');
      const streamRoute = routeIndex(svc, '/v1/alerts/stream');
      expect(alertIdRoute).toBeGreaterThanOrEqual(0);
      expect(streamRoute).toBeGreaterThanOrEqual(0);
      expect(premise(alertIdRoute, streamRoute)).toBe(true);
    });

    it('streams at /v1/alerts/stream, with its own checks', async () => {
      const stream = await SseClient.open(svc.port, token);
      try {
        expect(stream.status).toBe(200);
        expect(stream.contentType).toMatch(/^text\/event-stream/);
        await eventually(async () => expect(stream.comments).toContain('heartbeat'));
      } finally {
        stream.close();
      }
      const res = await svc.http().get('/v1/alerts/stream').set('Last-Event-ID', 'abc').auth(token, { type: 'bearer' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'headers.last-event-id' })]);
      await svc.http().get('/v1/alerts/stream').expect(401);
    });

    it('answers 404 for an alert id the tenant lacks, and for a path segment that is no alert id', async () => {
      const missing = await svc.http().get(`/v1/alerts/${randomUUID()}`).auth(token, { type: 'bearer' }).expect(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.body.detail).toMatch(/has no alert/);
      const notAnId = await svc.http().get('/v1/alerts/streams').auth(token, { type: 'bearer' }).expect(404);
      expect(notAnId.headers['content-type']).toMatch(/^application\/problem\+json/);
      await svc.http().get('/v1/alerts/streams').expect(401);
    });
  },
);

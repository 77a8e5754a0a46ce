import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

/** An OTLP attribute as the JSON encoding writes it. */
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string };
}

/** One exported span, flattened with its resource's attributes. */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  attributes: Record<string, string | number | undefined>;
  resource: Record<string, string | number | undefined>;
}

/** OTLP's span kinds (the JSON carries the protobuf enum's numbers). */
const SPAN_KIND = { server: 2, producer: 4 } as const;

/** A stand-in OTLP/HTTP collector on 127.0.0.1: keeps every span posted to /v1/traces. */
async function startCollector(): Promise<{ server: Server; port: number; spans: ExportedSpan[]; contentTypes: string[] }> {
  const spans: ExportedSpan[] = [];
  const contentTypes: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        contentTypes.push(String(req.headers['content-type']));
        spans.push(...flatten(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, spans, contentTypes };
}

function flatten(request: {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: (Omit<ExportedSpan, 'attributes' | 'resource'> & { attributes?: OtlpAttribute[] })[] }[] }[];
}): ExportedSpan[] {
  return (request.resourceSpans ?? []).flatMap(({ resource, scopeSpans }) =>
    (scopeSpans ?? []).flatMap(({ spans }) =>
      (spans ?? []).map((span) => ({ ...span, attributes: values(span.attributes), resource: values(resource?.attributes) })),
    ),
  );
}

function values(attributes: OtlpAttribute[] = []): Record<string, string | number | undefined> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue))]));
}

describe('intake exports its spans to the OTLP collector OTEL_EXPORTER_OTLP_ENDPOINT names (real HTTP, PostgreSQL, RabbitMQ)', () => {
  const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
  const CALLER_SPAN = '00f067aa0ba902b7';
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let svc: StartedService;
  let key: string;

  beforeAll(async () => {
    collector = await startCollector();
    svc = await startService(AppModule, {
      name: 'intake',
      tap: true,
      // A short batch delay so the test need not wait the default 5 s for each export.
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`, OTEL_BSP_SCHEDULE_DELAY: '50' },
    });
    key = await insertApiKey(svc.db, 'acme');
  });

  afterAll(async () => {
    await svc?.stop();
    await new Promise((resolve) => collector?.server.close(resolve));
  });

  it("exports the request's SERVER span as the child of the caller's traceparent, and the publish's PRODUCER span as its child", async () => {
    await svc
      .http()
      .post('/v1/events')
      .set('Authorization', `Bearer ${key}`)
      .set('traceparent', `00-${TRACE_ID}-${CALLER_SPAN}-01`)
      .send({
        specversion: '1.0',
        id: 'e-spans',
        source: '/amazon-connect/acme',
        type: 'contact.queued',
        time: '2026-11-25T09:30:00+08:00',
        data: { contactId: 'contact-1', channel: 'voice', queue: 'billing', direction: 'inbound' },
      })
      .expect(202);

    const producerOf = (id: string) => collector.spans.find((s) => s.kind === SPAN_KIND.producer && s.attributes['cloudevents.event_id'] === id);
    await eventually(async () => expect(producerOf('e-spans')).toBeDefined(), { timeoutMs: 10_000 });
    const server = collector.spans.find((s) => s.kind === SPAN_KIND.server && s.traceId === TRACE_ID);
    expect(server).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN,
      name: 'POST /v1/events',
      attributes: { 'http.request.method': 'POST', 'http.route': '/v1/events', 'http.response.status_code': 202 },
      resource: { 'service.name': 'intake' },
    });
    expect(server?.status?.code ?? 0).toBe(0);
    expect(collector.contentTypes).toContain('application/json');

    // The event was written in the request's span, published in a span of its own under it, and
    // the message on the bus names that publish as its consumers' parent.
    const producer = producerOf('e-spans');
    expect(producer).toMatchObject({ traceId: TRACE_ID, parentSpanId: server?.spanId, name: 'publish contact.queued' });
    await eventually(async () => expect(svc.tap.events.some((e) => e.id === 'e-spans')).toBe(true));
    const onBus = svc.tap.events.findLast((e) => e.id === 'e-spans') as CloudEvent & { traceparent?: string };
    expect(onBus.traceparent).toBe(`00-${TRACE_ID}-${producer?.spanId}-01`);
  });

  it('names the span of a request that matched no route without its URL, and a 4xx is not an error', async () => {
    const traceId = 'c'.repeat(32);
    await svc.http().get('/v1/nowhere/42').set('traceparent', `00-${traceId}-${CALLER_SPAN}-01`).expect(404);
    await eventually(async () => expect(collector.spans.some((s) => s.traceId === traceId)).toBe(true), { timeoutMs: 10_000 });
    const span = collector.spans.find((s) => s.traceId === traceId);
    expect(span).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: CALLER_SPAN, attributes: { 'http.response.status_code': 404 } });
    expect(span?.name).toMatch(/^GET\b/);
    expect(`${span?.name} ${span?.attributes['http.route']}`).not.toMatch(/nowhere|42/);
    expect(span?.status?.code ?? 0).toBe(0);
  });
});

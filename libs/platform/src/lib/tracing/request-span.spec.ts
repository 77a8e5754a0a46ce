import { EventEmitter } from 'node:events';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Request, Response } from 'express';
import { exportSpansWith } from '@hotline/messaging';
import { startRequestSpan } from './request-span';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/** A request as Express leaves it once routed, and a response that closes with `status`. */
function exchange(headers: Record<string, string>, route?: string) {
  const req = { method: 'GET', headers, baseUrl: '', ...(route === undefined ? {} : { route: { path: route } }) } as unknown as Request;
  const res = Object.assign(new EventEmitter(), { statusCode: 200, headersSent: false }) as unknown as Response;
  /** The response sent with `status`, or the connection dropped before any was. */
  const close = (status?: number) => {
    if (status !== undefined) Object.assign(res, { statusCode: status, headersSent: true });
    res.emit('close');
  };
  return { req, res, close };
}

describe('the SERVER span of a request', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeEach(() => {
    exporter.reset();
    exportSpansWith(provider.getTracer('test'));
  });
  afterAll(async () => {
    exportSpansWith(undefined);
    await provider.shutdown();
  });

  it("is the caller's child, named by route template with the status code, and its ids are the request's trace", () => {
    const { req, res, close } = exchange({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` }, '/v1/cases/:caseId');
    const trace = startRequestSpan(req, res);
    expect(exporter.getFinishedSpans()).toEqual([]);
    close(404);
    const [span] = exporter.getFinishedSpans();
    expect(trace).toEqual({ traceId: TRACE_ID, spanId: span.spanContext().spanId, flags: '01' });
    expect(span.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(span).toMatchObject({
      name: 'GET /v1/cases/:caseId',
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'GET', 'http.route': '/v1/cases/:caseId', 'http.response.status_code': 404 },
      status: { code: SpanStatusCode.UNSET },
    });
  });

  it('is an error on a 5xx, and keeps its method-only name when no route matched', () => {
    const { req, res, close } = exchange({});
    startRequestSpan(req, res);
    close(503);
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'GET', status: { code: SpanStatusCode.ERROR, message: 'HTTP 503' } });
    expect(span.attributes).not.toHaveProperty('http.route');
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('has no status code when the caller hung up before the response was sent', () => {
    const { req, res, close } = exchange({}, '/v1/events');
    startRequestSpan(req, res);
    close();
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'GET /v1/events', status: { code: SpanStatusCode.UNSET } });
    expect(span.attributes).not.toHaveProperty('http.response.status_code');
  });

  it('is not made without a collector: the trace is continued as before and nothing waits for the response', () => {
    exportSpansWith(undefined);
    const { req, res } = exchange({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` }, '/v1/cases/:caseId');
    const trace = startRequestSpan(req, res);
    expect(trace).toMatchObject({ traceId: TRACE_ID, flags: '01' });
    expect(trace.spanId).not.toBe(CALLER_SPAN);
    expect(res.listenerCount('close')).toBe(0);
  });
});

import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { newTrace } from './trace-context';
import { exportSpansWith, startWorkSpan } from './work-span';

const PARENT = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01', tracestate: 'rojo=1' };

describe('work spans', () => {
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

  it("gives the work the exported span's own ids, as the child of the remote parent", () => {
    const span = startWorkSpan('process intake.kpis', 'consumer', PARENT, { 'messaging.system': 'rabbitmq' });
    span.end({ attributes: { 'messaging.batch.message_count': 3 } });
    const [exported] = exporter.getFinishedSpans();
    expect(span.trace).toEqual({ traceId: PARENT.traceId, spanId: exported.spanContext().spanId, flags: '01', tracestate: 'rojo=1' });
    expect(exported.parentSpanContext).toMatchObject({ traceId: PARENT.traceId, spanId: PARENT.spanId, isRemote: true });
    expect(exported).toMatchObject({
      name: 'process intake.kpis',
      kind: SpanKind.CONSUMER,
      status: { code: SpanStatusCode.UNSET },
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.batch.message_count': 3 },
    });
  });

  it('starts a new sampled trace without a parent, and marks a failure with its message', () => {
    const span = startWorkSpan('GET', 'server', undefined, {});
    span.end({ name: 'GET /v1/cases/:id', failure: new Error('HTTP 503') });
    const [exported] = exporter.getFinishedSpans();
    expect(span.trace).toEqual({ traceId: exported.spanContext().traceId, spanId: exported.spanContext().spanId, flags: '01' });
    expect(exported.parentSpanContext).toBeUndefined();
    expect(exported).toMatchObject({ name: 'GET /v1/cases/:id', kind: SpanKind.SERVER, status: { code: SpanStatusCode.ERROR, message: 'HTTP 503' } });
  });

  it("follows the caller's decision not to sample: its own ids, flags 00, nothing exported", () => {
    const span = startWorkSpan('publish case.opened', 'producer', { ...newTrace(), flags: '00' }, {});
    span.end();
    expect(span.trace.flags).toBe('00');
    expect(span.trace.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('without a tracer makes no span and generates ids as before', () => {
    exportSpansWith(undefined);
    const span = startWorkSpan('GET', 'server', PARENT, {});
    span.end({ failure: 'ignored' });
    expect(span.exported).toBe(false);
    expect(span.trace).toMatchObject({ traceId: PARENT.traceId, flags: '01', tracestate: 'rojo=1' });
    expect(span.trace.spanId).not.toBe(PARENT.spanId);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { startWorkSpan } from '@hotline/messaging';
import { runningTracing, startTracing } from './start-tracing';

const PARENT = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' };

describe('startTracing', () => {
  it.each([
    ['no endpoint', {}],
    ['an empty endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: '' }],
    ['a blank endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }],
    ['the SDK disabled', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }],
    ['the traces exporter set to none', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_EXPORTER: 'none' }],
  ])('with %s, makes no span and says nothing', async (_what, env) => {
    const tracing = startTracing(env, { name: 'intake' });
    expect(tracing).toMatchObject({ exporting: false });
    expect(tracing.notice).toBeUndefined();
    expect(runningTracing()).toBe(tracing);
    const span = startWorkSpan('GET', 'server', PARENT, {});
    expect(span.exported).toBe(false);
    // Trace context still travels: the same trace, a span id of its own.
    expect(span.trace).toMatchObject({ traceId: PARENT.traceId, flags: '01' });
    expect(span.trace.spanId).not.toBe(PARENT.spanId);
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });

  it('with the endpoint set, exports spans made by the global provider too, says so without echoing the endpoint, and stops on shutdown', async () => {
    const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:secret@collector.invalid:4318' }, { name: 'intake' });
    try {
      expect(tracing.exporting).toBe(true);
      expect(tracing.notice).toContain('exported');
      expect(tracing.notice).not.toContain('secret');
      expect(tracing.notice).not.toContain('collector.invalid');
      expect(startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' })).toBe(tracing);
      const span = startWorkSpan('GET', 'server', PARENT, {});
      expect(span.exported).toBe(true);
      expect(span.trace).toMatchObject({ traceId: PARENT.traceId, flags: '01' });
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(true);
    } finally {
      // Nothing ended, so nothing is posted to the unreachable collector.
      await tracing.shutdown();
    }
    expect(runningTracing().exporting).toBe(false);
    expect(startWorkSpan('GET', 'server', PARENT, {}).exported).toBe(false);
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });

  it('reports a collector it cannot reach as a warning, without the credentials in its URL, and still shuts down', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // The exporter retries a refused export until its timeout (10 s by default); read from the process.
    process.env['OTEL_EXPORTER_OTLP_TIMEOUT'] = '500';
    try {
      // Port 9 (discard) on loopback: nothing listens, the export is refused at once.
      const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://user:secret@127.0.0.1:9' }, { name: 'intake' });
      startWorkSpan('GET', 'server', PARENT, {}).end();
      await expect(tracing.shutdown()).resolves.toBeUndefined();
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^span export: .*ECONNREFUSED/)]));
      expect(warnings.join('\n')).not.toContain('secret');
    } finally {
      delete process.env['OTEL_EXPORTER_OTLP_TIMEOUT'];
      warn.mockRestore();
    }
  });
});

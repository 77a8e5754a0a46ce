import { runningTracing, startTracing } from './start-tracing';

describe('startTracing', () => {
  it('does nothing, and says nothing, without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    for (const env of [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }, { OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }]) {
      const tracing = startTracing(env);
      expect(tracing).toMatchObject({ exporting: false });
      expect(tracing.notice).toBeUndefined();
      expect(runningTracing()).toBe(tracing);
      await expect(tracing.shutdown()).resolves.toBeUndefined();
    }
  });

  it('with the endpoint set, says once that this build exports nothing, without echoing the endpoint, and still runs', async () => {
    const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:secret@collector.example:4318' });
    expect(tracing.exporting).toBe(false);
    expect(tracing.notice).toContain('no spans are exported');
    expect(tracing.notice).not.toContain('secret');
    await expect(runningTracing().shutdown()).resolves.toBeUndefined();
  });
});

/** The standard OpenTelemetry variable naming the collector; unset, no span leaves the process. */
export const OTLP_ENDPOINT_VARIABLE = 'OTEL_EXPORTER_OTLP_ENDPOINT';

/**
 * The process's span export. W3C trace context (traceparent in, on events, in logs) works without
 * it; an exporter only adds spans sent to a collector. Process-wide, like the metrics registry.
 */
export interface Tracing {
  /** Whether spans are sent to a collector. */
  readonly exporting: boolean;
  /** What the service should log about tracing once its logger is up, if anything. */
  readonly notice?: string;
  /** Flushes buffered spans and stops exporting; run once the app has shut down. */
  shutdown(): Promise<void>;
}

const NOT_EXPORTING: Tracing = { exporting: false, shutdown: async () => undefined };

let running: Tracing = NOT_EXPORTING;

/**
 * Starts span export when OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing when it is not.
 * Called by bootstrapService before the app is created, so an SDK started here would see the
 * app's work from the first request.
 *
 * This build has no OpenTelemetry SDK (see docs/architecture.md, "Trace context"): with the
 * variable set it exports nothing and says so once, rather than failing the service.
 */
export function startTracing(env: Record<string, string | undefined> = process.env): Tracing {
  const endpoint = env[OTLP_ENDPOINT_VARIABLE]?.trim();
  running = endpoint
    ? {
        ...NOT_EXPORTING,
        // The endpoint is not echoed: deployments put credentials in URLs too.
        notice: `${OTLP_ENDPOINT_VARIABLE} is set, but this build has no OpenTelemetry exporter: no spans are exported. Trace context still travels on requests and events, and logs carry traceId and spanId.`,
      }
    : NOT_EXPORTING;
  return running;
}

/** The tracing startTracing started (not exporting if it was never called). */
export function runningTracing(): Tracing {
  return running;
}

import { Logger } from '@nestjs/common';
import { diag, DiagLogLevel, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { exportSpansWith } from '@hotline/messaging';

/** The standard OpenTelemetry variable naming the collector; unset, no span is made. */
export const OTLP_ENDPOINT_VARIABLE = 'OTEL_EXPORTER_OTLP_ENDPOINT';
/** The traces-only endpoint, used as it is (no `/v1/traces` appended); it wins over the general one. */
const OTLP_TRACES_ENDPOINT_VARIABLE = 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT';

/**
 * The process's span export. W3C trace context (traceparent in, on events, in logs) works without
 * it; an exporter adds spans sent to a collector. Process-wide, like the metrics registry.
 */
export interface Tracing {
  /** Whether spans are sent to a collector. */
  readonly exporting: boolean;
  /** What the service should log about tracing once its logger is up, if anything. */
  readonly notice?: string;
  /** Flushes buffered spans and stops exporting; run once the app has shut down. */
  shutdown(): Promise<void>;
}

/** Who makes the spans: the resource's `service.name` and, when known, `service.version`. */
export interface TracedService {
  name: string;
  version?: string;
}

const NOT_EXPORTING: Tracing = { exporting: false, shutdown: async () => undefined };

let running: Tracing = NOT_EXPORTING;

/**
 * Starts span export over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, and does nothing when it is not, or when
 * OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none. Called by bootstrapService before the app
 * is created, so the spans cover its work from the first request.
 *
 * The SDK and the exporter read the other standard variables themselves from the process
 * environment: OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT and _COMPRESSION, OTEL_TRACES_SAMPLER(_ARG),
 * OTEL_BSP_*, OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (which win over `service`).
 */
export function startTracing(env: Record<string, string | undefined> = process.env, service: TracedService = { name: 'hotline' }): Tracing {
  // One provider per process: a second app in the same process (a test) shares the first's.
  if (running.exporting) return running;
  const url = tracesUrl(env);
  if (!url || env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true' || env['OTEL_TRACES_EXPORTER']?.trim() === 'none') {
    running = NOT_EXPORTING;
    return running;
  }
  const resource = resourceFromAttributes({
    'service.name': service.name,
    ...(service.version ? { 'service.version': service.version } : {}),
  }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))] });
  trace.setGlobalTracerProvider(provider);
  reportExportProblems();
  exportSpansWith(provider.getTracer('@hotline/platform'));
  let stopped: Promise<void> | undefined;
  running = {
    exporting: true,
    // The endpoint is not echoed: deployments put credentials in URLs too.
    notice: `spans are exported over OTLP/HTTP to the collector ${OTLP_ENDPOINT_VARIABLE} names`,
    shutdown: () => {
      stopped ??= (async () => {
        exportSpansWith(undefined);
        running = NOT_EXPORTING;
        // Flushed while export problems are still reported; a collector that is down never fails the shutdown.
        await provider.shutdown().catch((error: unknown) => new Logger('Tracing').warn(`span export: ${String(error)}`));
        trace.disable();
        diag.disable();
      })();
      return stopped;
    },
  };
  return running;
}

/** The tracing startTracing started (not exporting if it was never called). */
export function runningTracing(): Tracing {
  return running;
}

/** Where spans are posted: the traces endpoint as given, else `<endpoint>/v1/traces`; undefined when neither is set. */
function tracesUrl(env: Record<string, string | undefined>): string | undefined {
  const traces = env[OTLP_TRACES_ENDPOINT_VARIABLE]?.trim();
  if (traces) return traces;
  const endpoint = env[OTLP_ENDPOINT_VARIABLE]?.trim();
  return endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/**
 * The SDK reports failed exports (a collector down, a 4xx) through its diagnostics channel, which
 * is silent unless given a logger: they become warnings in the service's log, without any URL
 * credentials. One line per failed batch, so a collector that is down shows without flooding.
 */
function reportExportProblems(): void {
  const logger = new Logger('Tracing');
  const warn = (message: string, ...args: unknown[]) =>
    logger.warn(`span export: ${[message, ...args.map(String)].join(' ').replace(/\/\/[^/@\s]*@/g, '//…@').slice(0, 500)}`);
  const ignore = () => undefined;
  diag.setLogger({ error: warn, warn, info: ignore, debug: ignore, verbose: ignore }, DiagLogLevel.WARN);
}

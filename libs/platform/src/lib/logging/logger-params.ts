import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PlatformConfig } from '../config/platform-config';
import { correlationIdFor } from './correlation-id';
import { correlationMixin } from './correlation-mixin';
import { errorSerializer, messageOfLoggedError } from './error-serializer';

// Probes and scrapes arrive every few seconds; logging each one would drown the useful lines.
const PROBE_URLS = new Set(['/health', '/health/live', '/metrics']);
const isProbe = (req: IncomingMessage) => PROBE_URLS.has(req.url ?? '');

/** Request lines: server errors at error, client errors at warn, the rest at info. */
function levelFor(statusCode: number, error?: Error): 'error' | 'warn' | 'info' {
  if (error || statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/** nestjs-pino settings: JSON lines carrying the service name and the current correlation. */
export function loggerParams(config: PlatformConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { service: config.service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      mixin: correlationMixin,
      genReqId: correlationIdFor,
      redact: ['req.headers.authorization', 'req.headers["x-twilio-signature"]'],
      // Logs carry ids and counts, never payloads: a failed statement's values stay out of them.
      serializers: { err: errorSerializer },
      hooks: {
        logMethod(args, method) {
          method.apply(this, messageOfLoggedError(args) as Parameters<typeof method>);
        },
      },
      customLogLevel: (_req, res, error) => levelFor(res.statusCode, error),
      autoLogging: { ignore: isProbe },
    },
  };
}

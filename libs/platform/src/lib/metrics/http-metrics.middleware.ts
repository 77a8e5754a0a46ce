import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, register } from 'prom-client';
import { routePattern } from './route-pattern';

type Label = 'method' | 'route' | 'status';
const labelNames: Label[] = ['method', 'route', 'status'];

/** Counts and times every HTTP request, labelled by route pattern rather than URL to bound cardinality. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration = registered(
    'http_request_duration_seconds',
    (name) => new Histogram<Label>({ name, help: 'HTTP request duration in seconds', labelNames }),
  );
  private readonly requests = registered(
    'http_requests_total',
    (name) => new Counter<Label>({ name, help: 'HTTP requests answered', labelNames }),
  );

  use(req: Request, res: Response, next: NextFunction): void {
    const stopTimer = this.duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routePattern(req), status: String(res.statusCode) };
      stopTimer(labels);
      this.requests.inc(labels);
    });
    next();
  }
}

/** The default registry is process-wide: a second app in the same process (a test) reuses the metric. */
function registered<T>(name: string, create: (name: string) => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create(name);
}

import { Controller, Get, Headers, Logger, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles, ValidationProblem } from '@hotline/platform';
import { parseLastEventId } from './domain/sse-frame';
import { StreamAlerts } from './use-cases/stream-alerts';

/**
 * `GET /v1/alerts/stream`: the tenant's alert notifications as server-sent events. Written on the
 * raw response (not Nest's @Sse), so the stream can carry heartbeat comments and a retry delay.
 */
@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertStreamController {
  private readonly logger = new Logger(AlertStreamController.name);

  constructor(private readonly streamAlerts: StreamAlerts) {}

  @Get('stream')
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({
    summary: "The tenant's alerts as server-sent events: `alert.raised`, `alert.updated`, `alert.resolved`, resumable with Last-Event-ID",
    description:
      'Each event: `id` (the notification log id), `event` (the alert event type) and `data` (JSON `{type, timestamp, data}`). ' +
      'With `Last-Event-ID`, what the tenant missed after that id comes first, then the live tail. Heartbeat comments keep ' +
      'idle streams open; the server ends a stream after `QUALITY_ALERT_STREAM_MAX_SECONDS` and the client reconnects.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received: the stream resumes after it' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'An event stream (text/event-stream)', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 400, description: 'problem+json naming `headers.last-event-id` when it is not a notification id' })
  stream(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() res: Response,
  ): void {
    const lastEventId = parseLastEventId(lastEventIdHeader);
    if (lastEventId === null) throw new ValidationProblem([{ path: 'headers.last-event-id', message: 'Expected the id of an event this stream sent: digits only' }]);

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    // nginx and similar buffer responses unless told not to.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();

    const { close, replayed } = this.streamAlerts.open(principal.tenantId, lastEventId, {
      write: (text) => void res.write(text),
      end: () => res.end(),
    });
    res.on('close', close);
    replayed.catch((error: Error) => {
      this.logger.warn(`alert stream of tenant ${principal.tenantId} ended: the log could not be read: ${error.message}`);
      res.end();
    });
  }
}

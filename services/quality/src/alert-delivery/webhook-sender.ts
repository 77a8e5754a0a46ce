import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Injectable } from '@nestjs/common';
import { WebhookDestinations } from './webhook-destinations';

/** What one POST to a webhook came to: a status code when it answered, an error when it did not. */
export interface SendOutcome {
  statusCode?: number;
  error?: string;
  /** Not sent: the destination policy refuses the host or an address it resolves to. */
  refused?: boolean;
  durationMs: number;
}

/**
 * Posts a delivery with node:http(s), connecting only to addresses the destination policy admits
 * (checked at connection time, on the addresses connected to). Redirects are not followed: a 3xx
 * is an answer, and not a 2xx. The answer's body is not read.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly destinations: WebhookDestinations) {}

  async post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    const refusal = this.destinations.literalRefusal(target.hostname);
    if (refusal !== undefined) return { error: `refused: ${refusal}`, refused: true, durationMs: 0 };

    const signal = AbortSignal.timeout(timeoutMs);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'hotline-quality-webhooks/1', ...headers },
          lookup: this.destinations.lookup,
          signal,
        },
        (res: IncomingMessage) => {
          resolve({ statusCode: res.statusCode, durationMs: elapsed() });
          res.destroy();
        },
      );
      req.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'EWEBHOOKDESTINATION') resolve({ error: `refused: ${error.message}`, refused: true, durationMs: elapsed() });
        else resolve({ error: signal.aborted ? `no answer within ${timeoutMs} ms` : error.message, durationMs: elapsed() });
      });
      req.end(body);
    });
  }
}

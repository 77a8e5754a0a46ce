import { Injectable } from '@nestjs/common';

/** What one POST to a webhook came to: a status code when it answered, an error when it did not. */
export interface SendOutcome {
  statusCode?: number;
  error?: string;
  durationMs: number;
}

/** Posts a delivery with node's fetch. Redirects are not followed: a 3xx is an answer, and not a 2xx. */
@Injectable()
export class WebhookSender {
  async post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'hotline-quality-webhooks/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is not kept; read it off so the connection can be reused.
      await response.body?.cancel().catch(() => undefined);
      return { statusCode: response.status, durationMs: elapsed() };
    } catch (error) {
      const reason = nameOf(error) === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
      return { error: reason, durationMs: elapsed() };
    }
  }
}

// Duck-typed, not instanceof: fetch's errors may come from another realm (e.g. under Jest's VM).
type ErrorLike = { name?: unknown; message?: unknown; cause?: unknown };
const nameOf = (error: unknown) => (typeof error === 'object' && error !== null ? (error as ErrorLike).name : undefined);
const messageOf = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as ErrorLike).message === 'string' ? String((error as ErrorLike).message) : String(error);

/** The error and, as fetch wraps network errors (ECONNREFUSED, ENOTFOUND), its cause. */
function describe(error: unknown): string {
  const cause = typeof error === 'object' && error !== null ? (error as ErrorLike).cause : undefined;
  return cause === undefined ? messageOf(error) : `${messageOf(error)}: ${messageOf(cause)}`;
}

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Closes an HTTP server gracefully. `server.close()` alone stops accepting connections but keeps
 * serving open keep-alive connections, new requests included, until they idle out; the drain also
 * answers every request in flight (or arriving on an open connection) with `Connection: close`, so
 * each connection ends with its current response, and cuts whatever remains after the timeout.
 */
export class HttpServerDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight.add(res);
      res.once('close', () => this.inFlight.delete(res));
      if (this.draining) closeConnectionAfter(res);
    });
  }

  close(timeoutMs: number): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    this.draining = true;
    this.inFlight.forEach(closeConnectionAfter);
    return new Promise((resolve) => {
      const deadline = setTimeout(() => this.server.closeAllConnections(), timeoutMs);
      this.server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
    });
  }
}

function closeConnectionAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}

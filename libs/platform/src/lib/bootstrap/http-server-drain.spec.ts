import { Agent, createServer, get, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpServerDrain } from './http-server-drain';

describe('HttpServerDrain', () => {
  const slowResponses: ServerResponse[] = [];
  let slowRequestArrived: () => void;
  const server = createServer((req, res) => {
    if (req.url !== '/slow') return res.end('fast');
    slowResponses.push(res);
    slowRequestArrived();
  });
  const agent = new Agent({ keepAlive: true });
  const fetch = (path: string) =>
    new Promise<{ body: string; connection?: string }>((resolve, reject) =>
      get({ port: (server.address() as AddressInfo).port, path, agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ body, connection: res.headers.connection }));
      }).on('error', reject),
    );

  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => agent.destroy());

  it('stops accepting, lets the request in flight finish, then closes its keep-alive connection at once', async () => {
    const drain = new HttpServerDrain(server);
    expect(await fetch('/warm-up')).toEqual({ body: 'fast', connection: 'keep-alive' });
    const arrived = new Promise<void>((resolve) => (slowRequestArrived = resolve));
    const slow = fetch('/slow');
    await arrived;

    const closed = drain.close(10_000);
    expect(server.listening).toBe(false);
    slowResponses[0].end('slow');

    expect(await slow).toEqual({ body: 'slow', connection: 'close' });
    // Without "Connection: close" the server would wait out the 5 s keep-alive timeout.
    const started = Date.now();
    await closed;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

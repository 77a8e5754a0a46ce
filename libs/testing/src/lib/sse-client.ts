import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** An event as a server-sent events client parses it. */
export interface ReceivedEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A bare server-sent events client over node:http (supertest waits for a response to end, and a
 * stream does not): it parses frames as they arrive and keeps events and comments apart.
 */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  status?: number;
  contentType?: string;
  ended = false;
  private buffer = '';
  private req?: ClientRequest;

  static open(port: number, token: string, lastEventId?: string): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      client.req = request({ host: '127.0.0.1', port, path: '/v1/alerts/stream', headers }, (res: IncomingMessage) => {
        client.status = res.statusCode;
        client.contentType = res.headers['content-type'];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.take(chunk));
        res.on('end', () => (client.ended = true));
        res.on('error', () => (client.ended = true));
        resolve(client);
      });
      client.req.on('error', (error) => (client.status === undefined ? reject(error) : (client.ended = true)));
      client.req.end();
    });
  }

  /** The events' data, parsed. */
  data<T = { type: string; timestamp: string; data: Record<string, unknown> }>(): T[] {
    return this.events.map((e) => JSON.parse(e.data) as T);
  }

  close(): void {
    this.req?.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: ReceivedEvent = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) this.events.push({ ...event, data: data.join('\n') });
    }
  }
}

import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { correlationIdFor, isValidCorrelationId } from './correlation-id';

function exchange(headers: Record<string, string> = {}) {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return { req, res: new ServerResponse(req) };
}

describe('correlation ids', () => {
  it('accepts up to 128 characters of letters, digits and . _ : -', () => {
    expect(isValidCorrelationId('abc-123_x.y:z')).toBe(true);
    expect(isValidCorrelationId('a'.repeat(128))).toBe(true);
    expect(isValidCorrelationId('a'.repeat(129))).toBe(false);
    expect(isValidCorrelationId('')).toBe(false);
    expect(isValidCorrelationId('has space')).toBe(false);
    expect(isValidCorrelationId('line\nbreak')).toBe(false);
  });

  it("keeps the caller's valid id and echoes it", () => {
    const { req, res } = exchange({ 'x-correlation-id': 'call-42' });
    expect(correlationIdFor(req, res)).toBe('call-42');
    expect(res.getHeader('X-Correlation-Id')).toBe('call-42');
  });

  it('replaces an invalid id with a UUID, decided once per request', () => {
    const { req, res } = exchange({ 'x-correlation-id': '<script>' });
    const id = correlationIdFor(req, res);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFor(req, res)).toBe(id);
    expect(res.getHeader('X-Correlation-Id')).toBe(id);
  });
});

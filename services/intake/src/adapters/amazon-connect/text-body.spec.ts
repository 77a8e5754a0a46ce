import { PassThrough } from 'node:stream';
import type { Request } from 'express';
import { ProblemException } from '@hotline/platform';
import { readTextBody } from './text-body';

/** A request whose body arrives in chunks, with no Content-Length (chunked transfer encoding). */
function chunked(chunks: string[]): Request {
  const stream = new PassThrough();
  Object.assign(stream, { headers: {} });
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream as unknown as Request;
}

describe('readTextBody', () => {
  it('reads the unparsed body as UTF-8, even with a character split across chunks', async () => {
    const bytes = Buffer.from('{"a":"客服"}\n');
    const req = new PassThrough();
    Object.assign(req, { headers: {} });
    req.write(bytes.subarray(0, 7)); // ends inside the three bytes of 客
    req.end(bytes.subarray(7));
    expect(await readTextBody(req as unknown as Request)).toBe('{"a":"客服"}\n');
  });

  it('takes a body a text parser already read', async () => {
    expect(await readTextBody({ body: '{"a":1}', headers: {} } as Request)).toBe('{"a":1}');
  });

  it('answers 413 when a chunked body outgrows the limit, or the declared length exceeds it', async () => {
    await expect(readTextBody(chunked(['12345', '67890']), 8)).rejects.toMatchObject({ problem: { status: 413 } });
    const declared = chunked(['12345']);
    declared.headers['content-length'] = '100';
    await expect(readTextBody(declared, 8)).rejects.toBeInstanceOf(ProblemException);
    expect(await readTextBody(chunked(['12345', '678']), 8)).toBe('12345678');
  });
});

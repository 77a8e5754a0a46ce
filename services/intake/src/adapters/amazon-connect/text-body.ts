import type { Request } from 'express';
import { ProblemException } from '@hotline/platform';

/** The largest text body read: the platform's default JSON body limit. */
export const TEXT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The request body as UTF-8 text. The platform app parses JSON and form bodies only, so an NDJSON
 * or text/plain body is still unread on the request stream and is read here, with the same limit
 * (413 beyond it). Should a text body parser be registered later, its string is taken as is.
 */
export function readTextBody(req: Request, limit = TEXT_BODY_LIMIT_BYTES): Promise<string> {
  if (typeof req.body === 'string') return Promise.resolve(req.body);
  if (Number(req.headers['content-length']) > limit) {
    req.resume(); // drain what the client still sends, so the 413 can be written on this connection
    return Promise.reject(tooLarge(limit));
  }
  if (req.readableEnded) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // A chunked body with no length: stop collecting but keep draining, as above.
      req.off('data', onData);
      req.resume();
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function tooLarge(limit: number): ProblemException {
  return new ProblemException({ status: 413, detail: `The request body is larger than the limit of ${limit} bytes.` });
}

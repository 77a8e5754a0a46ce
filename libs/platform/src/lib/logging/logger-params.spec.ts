import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { CorrelationContext } from '@hotline/messaging';
import { loadPlatformConfig } from '../config/load-platform-config';
import { PlatformConfig } from '../config/platform-config';
import { correlationMixin } from './correlation-mixin';
import { loggerParams } from './logger-params';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('platform logs', () => {
  it('carry the service, the correlation and no credentials', () => {
    const { lines, stream } = capture();
    const options = loggerParams(new PlatformConfig('intake', loadPlatformConfig({}))).pinoHttp as Options;
    const middleware = pinoHttp(options, stream);
    const req = new IncomingMessage(new Socket());
    Object.assign(req, { method: 'POST', url: '/v1/events' });
    req.headers = { 'x-correlation-id': 'call-42', authorization: 'Bearer hlk_secret', 'x-twilio-signature': 'sig' };
    const res = new ServerResponse(req);

    CorrelationContext.run({ correlationId: 'call-42', tenantId: 'acme' }, () => {
      middleware(req, res);
      req.log.info('accepted');
    });

    expect(res.getHeader('X-Correlation-Id')).toBe('call-42');
    const [accepted] = lines;
    expect(accepted).toMatchObject({ msg: 'accepted', service: 'intake', correlationId: 'call-42', tenantId: 'acme' });
    expect(accepted.req).toMatchObject({
      id: 'call-42',
      headers: { authorization: '[Redacted]', 'x-twilio-signature': '[Redacted]' },
    });
  });

  it('lets message handlers log with the correlation through the mixin', () => {
    const { lines, stream } = capture();
    const logger = pino({ mixin: correlationMixin }, stream);
    const trace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01', tracestate: 'v=1' };
    CorrelationContext.run({ correlationId: 'c-1', causationId: 'evt-9', trace }, () => logger.info('handled'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'handled', correlationId: 'c-1', causationId: 'evt-9', traceId: trace.traceId, spanId: trace.spanId });
    expect(lines[0]).not.toHaveProperty('trace');
    expect(lines[1]).not.toHaveProperty('correlationId');
    expect(lines[1]).not.toHaveProperty('traceId');
  });
});

import { signedRequestUrl } from './signed-request-url';

const PATH = '/v1/adapters/twilio/taskrouter?tenant=acme';

describe('signedRequestUrl', () => {
  it('prefers the configured public base URL, with or without a trailing slash or a path prefix', () => {
    const request = { originalUrl: PATH, protocol: 'http', headers: { host: '10.0.0.7:3001', 'x-forwarded-host': 'proxy.internal' } };
    expect(signedRequestUrl(request, 'https://hotline.example.com')).toBe(`https://hotline.example.com${PATH}`);
    expect(signedRequestUrl(request, 'https://hotline.example.com/')).toBe(`https://hotline.example.com${PATH}`);
    expect(signedRequestUrl(request, 'https://example.com/intake')).toBe(`https://example.com/intake${PATH}`);
  });

  it("else uses the proxy's forwarded scheme and host, the first of a chain", () => {
    const request = {
      originalUrl: PATH,
      protocol: 'http',
      headers: { host: '10.0.0.7:3001', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'hotline.example.com, lb.internal' },
    };
    expect(signedRequestUrl(request)).toBe(`https://hotline.example.com${PATH}`);
  });

  it('else the connection and the Host header', () => {
    expect(signedRequestUrl({ originalUrl: PATH, protocol: 'http', headers: { host: '127.0.0.1:3001' } })).toBe(
      `http://127.0.0.1:3001${PATH}`,
    );
  });
});

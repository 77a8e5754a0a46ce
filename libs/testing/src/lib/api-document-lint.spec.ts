import { lintAsyncApi, lintOpenApi } from './api-document-lint';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const valid = () => ({
  openapi: '3.0.0',
  info: { title: 'test', version: '1', license: { name: 'UNLICENSED' } },
  servers: [{ url: 'http://localhost' }],
  security: [{ jwt: [] }],
  components: {
    securitySchemes: { jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: { Problem: { type: 'object', properties: { title: { type: 'string' } } } },
  },
  paths: {
    '/v1/things/{id}': {
      get: {
        operationId: 'getThing',
        summary: 'A thing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'the thing' }, '404': { description: 'none', content: problem } },
      },
    },
  },
});

describe('lintOpenApi', () => {
  it('passes a valid document', async () => {
    expect(await lintOpenApi(valid())).toEqual([]);
  });

  it('catches a security scheme that is not declared, as the old documents had', async () => {
    const doc = valid();
    Object.assign(doc.paths['/v1/things/{id}'].get, { security: [{ bearer: [] }] });
    expect((await lintOpenApi(doc)).join('\n')).toContain('security-defined');
  });

  it('catches an error response that is not a problem', async () => {
    const doc = valid();
    Object.assign(doc.paths['/v1/things/{id}'].get.responses, { '409': { description: 'conflict' } });
    expect(await lintOpenApi(doc)).toContain('GET /v1/things/{id} 409: an error is application/problem+json with #/components/schemas/Problem');
  });
});

describe('lintAsyncApi', () => {
  it('catches a document that is not AsyncAPI', async () => {
    expect((await lintAsyncApi({ asyncapi: '3.0.0', info: {} })).length).toBeGreaterThan(0);
  });
});

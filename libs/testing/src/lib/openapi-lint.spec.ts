import { lintOpenApi } from './openapi-lint';

const clean = () => ({
  openapi: '3.0.0',
  info: { title: 'T', version: '1' },
  servers: [{ url: '/' }],
  security: [{ jwt: [] }],
  components: {
    securitySchemes: { jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    schemas: { Problem: { type: 'object', required: ['status'], properties: { status: { type: 'integer' } } } },
  },
  paths: {
    '/v1/things/{id}': {
      get: {
        operationId: 'get_thing',
        summary: 'A thing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The thing', content: { 'application/json': { schema: { type: 'object' } } } },
          '401': { description: 'No JWT', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
  },
});

describe('lintOpenApi', () => {
  it('finds nothing wrong with a clean document', () => {
    expect(lintOpenApi(clean())).toEqual([]);
  });

  it('reports the faults the services’ documents used to have', () => {
    const doc = clean();
    const get = doc.paths['/v1/things/{id}'].get as Record<string, unknown>;
    get['security'] = [{ bearer: [] }];
    get['requestBody'] = { content: { 'application/json': { schema: { type: ['string', 'null'], const: 'x' } } } };
    (get['responses'] as Record<string, unknown>)['400'] = { description: 'bad' };
    (get['responses'] as Record<string, unknown>)['409'] = { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } };
    get['parameters'] = [];
    delete get['summary'];
    expect(lintOpenApi(doc)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('security scheme bearer is not declared'),
        expect.stringContaining('is not an OpenAPI 3.0 type'),
        expect.stringContaining('const is not an OpenAPI 3.0 schema keyword'),
        expect.stringContaining('/responses/400: an error is application/problem+json'),
        expect.stringContaining('$ref #/components/schemas/Nope does not resolve'),
        expect.stringContaining('path parameter {id} is not declared'),
        expect.stringContaining('needs a summary'),
      ]),
    );
  });
});

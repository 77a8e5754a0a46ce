import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyRouteAuth } from './apply-route-auth';
import { hoistNamedSchemas } from './hoist-named-schemas';
import { documentProblemResponses } from './problem-responses';

/**
 * A service's OpenAPI document as served at /docs-json: Nest's scan of the controllers, then each
 * operation's real security (`applyRouteAuth`), its problem responses (`documentProblemResponses`)
 * and the named zod-generated schemas moved to components (`hoistNamedSchemas`).
 */
export function buildOpenApiDocument(app: INestApplication, service: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Hotline ${service}`)
    .setDescription(
      `The ${service} service's HTTP API. People authenticate with a bearer JWT, call-centre platforms with an API key; ` +
        'every error is an RFC 9457 `application/problem+json` body.',
    )
    .setVersion('1')
    .addServer('/', 'This service, wherever it runs')
    .build();
  config.info.license = { name: 'UNLICENSED' };
  const document = SwaggerModule.createDocument(app, config);
  applyRouteAuth(document);
  documentProblemResponses(document);
  hoistNamedSchemas(document);
  return document;
}

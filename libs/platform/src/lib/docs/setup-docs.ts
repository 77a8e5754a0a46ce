import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from './build-openapi-document';

/** OpenAPI UI at /docs and the document at /docs-json (see `buildOpenApiDocument`). */
export function setupDocs(app: INestApplication, service: string): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, service));
}

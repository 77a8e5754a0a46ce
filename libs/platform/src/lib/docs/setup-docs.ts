import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SECURITY, JWT_SECURITY } from './security-schemes';

/** OpenAPI UI at /docs and the document at /docs-json; routes default to JWT bearer auth. */
export function setupDocs(app: INestApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(`Hotline ${service}`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A person: JWT with tenant and roles claims' }, JWT_SECURITY)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A call-centre platform: API key (hlk_…)' }, API_KEY_SECURITY)
    .addSecurityRequirements(JWT_SECURITY)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}

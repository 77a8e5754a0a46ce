import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform-config';
import { setupDocs } from '../docs/setup-docs';
import { bodyParserErrorsAsProblems } from '../errors/body-parser-errors.middleware';
import { refuseDeepBodies } from '../errors/body-depth.middleware';
import { refuseMalformedUrls } from '../params/malformed-url.middleware';

export interface PlatformAppOptions {
  /** Largest JSON or form body accepted, in body-parser notation; larger ones get a 413. @default '1mb' */
  bodyLimit?: string | number;
}

/**
 * What a service's HTTP app needs beyond PlatformModule: the pino logger, body limits (size, and
 * nesting depth: MAX_JSON_DEPTH) whose errors become problems, and /docs. Call it before init() or
 * listen(); bootstrapService does, and a test calls it on the app it creates from a testing module.
 */
export function configurePlatformApp(app: NestExpressApplication, { bodyLimit = '1mb' }: PlatformAppOptions = {}): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', app.get(PlatformConfig).trustProxy);
  app.disable('x-powered-by');
  app.use(refuseMalformedUrls);
  // CloudEvents' structured and batch media types are JSON too (application/cloudevents+json, …).
  app.useBodyParser('json', { limit: bodyLimit, type: ['application/json', 'application/*+json'] });
  // Extended (qs) form bodies are bounded at 32 levels by body-parser itself (a 400 beyond).
  app.useBodyParser('urlencoded', { limit: bodyLimit, extended: true });
  app.use(refuseDeepBodies);
  app.use(bodyParserErrorsAsProblems);
  setupDocs(app, app.get(PlatformConfig).service);
}

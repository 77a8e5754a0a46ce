import type { SecuritySchemeObject } from '@nestjs/swagger';

/** OpenAPI security scheme names: people send JWTs, call-centre platforms send API keys. */
export const JWT_SECURITY = 'jwt';
export const API_KEY_SECURITY = 'api-key';

/** The schemes every service declares; a route that authenticates itself adds its own (`AuthenticatesItself`). */
export const SECURITY_SCHEMES: Readonly<Record<string, SecuritySchemeObject>> = {
  [JWT_SECURITY]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A person: a JWT with `tenant` and `roles` claims (agent, supervisor, ops, security, admin).',
  },
  [API_KEY_SECURITY]: {
    type: 'http',
    scheme: 'bearer',
    description: "A call-centre platform: the tenant's API key (`hlk_…`) as `Authorization: Bearer <api key>`.",
  },
};

/** OpenAPI security scheme names: people send JWTs, call-centre platforms send API keys. */
export const JWT_SECURITY = 'jwt';
export const API_KEY_SECURITY = 'api-key';

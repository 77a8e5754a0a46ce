/**
 * What a tenant's API key may be allowed to do. `events:write` is what `POST /v1/events` and the
 * platform adapters require; `events:read` is for read-only integrations.
 */
export const API_KEY_SCOPES = ['events:write', 'events:read'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A key created without scopes can send events, as one created by `npx hotline api-key create`. */
export const DEFAULT_API_KEY_SCOPES: readonly ApiKeyScope[] = ['events:write'];

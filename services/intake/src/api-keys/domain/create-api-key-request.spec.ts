import { createApiKeyRequest } from './create-api-key-request';

describe('createApiKeyRequest', () => {
  it('defaults scopes to events:write', () => {
    expect(createApiKeyRequest.parse({ name: 'connect' })).toEqual({ name: 'connect', scopes: ['events:write'] });
  });

  it('keeps known scopes once each', () => {
    expect(createApiKeyRequest.parse({ name: 'x', scopes: ['events:read', 'events:write', 'events:read'] }).scopes).toEqual([
      'events:read',
      'events:write',
    ]);
  });

  it('names an unknown scope and where it is', () => {
    const result = createApiKeyRequest.safeParse({ name: 'x', scopes: ['events:write', 'admin:all'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['scopes', 1], message: expect.stringContaining('"admin:all"') })]);
  });

  it('needs a name and at least one scope, and reports unknown fields', () => {
    expect(createApiKeyRequest.safeParse({ name: '  ' }).success).toBe(false);
    expect(createApiKeyRequest.safeParse({ name: 'x', scopes: [] }).success).toBe(false);
    const typo = createApiKeyRequest.safeParse({ name: 'x', scope: ['events:read'] });
    expect(typo.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('refuses a name PostgreSQL cannot store as it was sent (NUL, a lone surrogate), naming it', () => {
    for (const name of ['a\0b', 'x\uD800', '\uDC00']) {
      expect(createApiKeyRequest.safeParse({ name }).error?.issues).toEqual([expect.objectContaining({ path: ['name'] })]);
    }
    expect(createApiKeyRequest.parse({ name: '客服 😀' }).name).toBe('客服 😀');
  });
});

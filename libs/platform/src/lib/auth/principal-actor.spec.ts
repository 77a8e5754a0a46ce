import { actorOf } from './principal-actor';

describe('actorOf', () => {
  it('names a person by the JWT subject with their roles, at most the 20 the audit contract keeps', () => {
    expect(actorOf({ kind: 'jwt', subject: 'olga', tenantId: '*', roles: ['admin'] })).toEqual({ id: 'olga', kind: 'user', roles: ['admin'] });
    const roles = Array.from({ length: 25 }, (_, i) => `role${i}`);
    expect(actorOf({ kind: 'jwt', subject: 'sup1', tenantId: 'acme', roles })).toEqual({ id: 'sup1', kind: 'user', roles: roles.slice(0, 20) });
  });

  it('names a platform by its API key id, without roles', () => {
    expect(actorOf({ kind: 'api-key', keyId: 'k-1', tenantId: 'acme', scopes: ['events:write'] })).toEqual({ id: 'k-1', kind: 'api_key', roles: [] });
  });
});

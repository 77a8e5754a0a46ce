import { CorrelationContext } from '@hotline/messaging';
import { adminActorOf, adminAuditEvent } from './admin-audit';

describe('admin audit', () => {
  it('names a JWT by its subject and roles, an API key by its id', () => {
    expect(adminActorOf({ kind: 'jwt', subject: 'olga', tenantId: '*', roles: ['admin'] })).toEqual({ id: 'olga', kind: 'user', roles: ['admin'] });
    expect(adminActorOf({ kind: 'api-key', keyId: 'k-1', tenantId: 'acme', scopes: ['events:write'] })).toEqual({ id: 'k-1', kind: 'api_key', roles: [] });
  });

  it("builds intake's audit.recorded under the tenant changed, with the request's correlation id", () => {
    const change = { tenantId: 'acme', actor: { id: 'olga', kind: 'user' as const, roles: ['admin'] }, action: 'api_key.revoke', subject: { type: 'api_key', id: 'k-1' } };
    const event = CorrelationContext.run({ correlationId: 'corr-9' }, () => adminAuditEvent(change));
    expect(event).toMatchObject({ type: 'audit.recorded', source: '/hotline/intake', tenantid: 'acme', subject: 'k-1', correlationid: 'corr-9' });
    expect(event.data).toMatchObject({ action: 'api_key.revoke', service: 'intake' });
  });
});

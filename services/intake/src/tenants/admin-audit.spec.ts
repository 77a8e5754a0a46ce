import { CorrelationContext } from '@hotline/messaging';
import { adminAuditEvent } from './admin-audit';

describe('admin audit', () => {
  it("builds intake's audit.recorded under the tenant changed, with the request's correlation id", () => {
    const change = { tenantId: 'acme', actor: { id: 'olga', kind: 'user' as const, roles: ['admin'] }, action: 'api_key.revoke', subject: { type: 'api_key', id: 'k-1' } };
    const event = CorrelationContext.run({ correlationId: 'corr-9' }, () => adminAuditEvent(change));
    expect(event).toMatchObject({ type: 'audit.recorded', source: '/hotline/intake', tenantid: 'acme', subject: 'k-1', correlationid: 'corr-9' });
    expect(event.data).toMatchObject({ action: 'api_key.revoke', service: 'intake' });
  });
});

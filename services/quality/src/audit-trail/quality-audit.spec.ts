import { validateCloudEvent } from '@hotline/contracts';
import { qualityAudit } from './quality-audit';

describe("quality's audit helper", () => {
  it('builds a valid audit.recorded, leaving out what the change does not have', () => {
    const event = qualityAudit({ tenantId: 'acme', actor: { id: 'sup1', kind: 'user', roles: ['supervisor'] }, action: 'webhook.delete', subject: { type: 'webhook', id: 'w1' }, summary: 'removed' });
    expect(validateCloudEvent(event).ok).toBe(true);
    expect(event).toMatchObject({ type: 'audit.recorded', source: '/hotline/quality', tenantid: 'acme', subject: 'w1' });
    expect(event.data).toEqual({ actor: { id: 'sup1', kind: 'user', roles: ['supervisor'] }, action: 'webhook.delete', subject: { type: 'webhook', id: 'w1' }, summary: 'removed', service: 'quality' });
  });

  it('takes the time of the change when given', () => {
    const at = new Date('2026-11-30T08:00:00Z');
    const event = qualityAudit({ tenantId: 'acme', actor: { id: 'k', kind: 'api_key' }, action: 'x.y', subject: { type: 'x', id: '1' }, after: { state: 'open' }, summary: 's', at });
    expect(event.time).toBe(at.toISOString());
    expect(event.data).toMatchObject({ after: { state: 'open' } });
  });
});

import { platformReport } from './platform-report';

describe('platformReport', () => {
  it('opens an incident of the reported kind and severity, one per platform, kind and actor', () => {
    const found = platformReport('/crm', { kind: 'data_leak', severity: 'P1', actor: 'agent-9' });
    expect(found).toMatchObject({
      type: 'platform_reported',
      severity: 'P1',
      dedupKey: 'platform_reported:/crm:data_leak:agent-9',
      summary: '/crm reported data_leak by agent-9',
      detail: { reportedBy: '/crm', kind: 'data_leak', actor: 'agent-9', severity: 'P1' },
    });
    expect(platformReport('/crm', { kind: 'data_leak', severity: 'P3' }).dedupKey).toBe('platform_reported:/crm:data_leak:');
  });
});

import { newestPerAgent, type StatusReport } from './agent-status';

const report = (agentId: string, status: StatusReport['status'], at: string, tenantId = 'acme'): StatusReport => ({ tenantId, agentId, status, at: new Date(at) });

describe('newestPerAgent', () => {
  it('keeps the newest report of each agent, whatever the order they arrived in', () => {
    const reports = [report('a', 'busy', '2026-01-01T08:05:00Z'), report('b', 'available', '2026-01-01T08:00:00Z'), report('a', 'available', '2026-01-01T08:01:00Z')];
    expect(newestPerAgent(reports).map((r) => [r.agentId, r.status])).toEqual([
      ['a', 'busy'],
      ['b', 'available'],
    ]);
  });

  it('keeps the first of two reports with the same time, and tells tenants apart', () => {
    const reports = [report('a', 'away', '2026-01-01T08:00:00Z'), report('a', 'offline', '2026-01-01T08:00:00Z'), report('a', 'busy', '2026-01-01T08:00:00Z', 'globex')];
    expect(newestPerAgent(reports).map((r) => [r.tenantId, r.status])).toEqual([
      ['acme', 'away'],
      ['globex', 'busy'],
    ]);
  });
});

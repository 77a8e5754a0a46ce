import { type AgentRecord, applyReport, newestPerAgent, type StatusReport } from './agent-status';

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

describe('applyReport', () => {
  const held: AgentRecord = {
    tenantId: 'acme',
    agentId: 'a',
    team: 'noc',
    skills: ['fibre'],
    languages: ['zh'],
    regions: ['haidian'],
    status: 'busy',
    statusAt: new Date('2026-01-01T08:00:00Z'),
    profileByAdmin: false,
  };

  it('never lets an older or equally old report overwrite the status held', () => {
    expect(applyReport(held, report('a', 'available', '2026-01-01T07:59:59Z'))).toBeUndefined();
    expect(applyReport(held, report('a', 'available', '2026-01-01T08:00:00Z'))).toBeUndefined();
    expect(applyReport(held, report('a', 'available', '2026-01-01T08:00:01Z'))).toMatchObject({ status: 'available', statusAt: new Date('2026-01-01T08:00:01Z') });
  });

  it('creates an agent from its first report, with the profile the report carries', () => {
    const created = applyReport(undefined, { ...report('n', 'available', '2026-01-01T08:00:00Z'), team: 'noc', skills: ['radio'] });
    expect(created).toEqual({ tenantId: 'acme', agentId: 'n', team: 'noc', skills: ['radio'], languages: [], regions: [], status: 'available', statusAt: new Date('2026-01-01T08:00:00Z'), profileByAdmin: false });
  });

  it("fills in the profile fields a report carries, unless the admin API owns the agent's profile", () => {
    const newer = { ...report('a', 'available', '2026-01-01T09:00:00Z'), skills: ['radio'] };
    expect(applyReport(held, newer)).toMatchObject({ team: 'noc', skills: ['radio'], languages: ['zh'] });
    expect(applyReport({ ...held, profileByAdmin: true }, newer)).toMatchObject({ skills: ['fibre'], status: 'available' });
  });
});

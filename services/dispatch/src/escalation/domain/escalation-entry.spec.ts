import type { Escalation } from './escalation';
import { escalationEntry } from './escalation-entry';

const at = new Date('2026-11-30T05:00:00Z');
const context = { tenantId: 'acme', caseId: 'C-1', at };
const escalation: Escalation = {
  tenantId: 'acme',
  caseId: 'C-1',
  policyId: 'network-fault-response',
  steps: [],
  level: 1,
  state: 'paging',
  note: null,
  standard: { standardId: 'network-fault-response', standardVersion: '1' },
  breachKey: 'k',
  nextAt: null,
  updatedAt: at,
};

describe("an escalation's timeline entries", () => {
  it('records a raised level with its reason, late or live, and who asked', () => {
    expect(escalationEntry({ escalation, raisedTo: { level: 1, reason: 'network-fault-response breached' } }, context)).toEqual({
      ...context,
      event: 'raised',
      level: 1,
      reason: 'network-fault-response breached',
      late: false,
      actorId: null,
    });
    const onDemand = { ...context, actor: { id: 'lead-1', kind: 'user' as const, roles: ['supervisor'] } };
    expect(escalationEntry({ escalation, raisedTo: { level: 2, reason: 'customer angry', late: true } }, onDemand)).toMatchObject({ level: 2, late: true, actorId: 'lead-1' });
  });

  it('records an acknowledgement or a stop with its note, and nothing for a climb that only waits', () => {
    expect(escalationEntry({ escalation: { ...escalation, state: 'acknowledged', note: 'acknowledged by lead-1' } }, context)).toMatchObject({
      event: 'acknowledged',
      level: 1,
      reason: 'acknowledged by lead-1',
    });
    expect(escalationEntry({ escalation: { ...escalation, state: 'stopped', note: 'breach withdrawn' } }, context)).toMatchObject({ event: 'stopped', reason: 'breach withdrawn' });
    expect(escalationEntry({ escalation }, context)).toBeUndefined();
  });
});

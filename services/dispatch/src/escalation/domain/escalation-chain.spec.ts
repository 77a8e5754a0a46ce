import { chainIssues, chainPolicyForStandard, defaultChain, ESCALATION_ROLES } from './escalation-chain';

describe('escalation chains', () => {
  it('climbs team lead → supervisor → duty manager by default, each step with its own wait', () => {
    const { steps, version } = defaultChain('network-fault-response');
    expect(steps.map((s) => s.role)).toEqual([...ESCALATION_ROLES]);
    expect(steps.map((s) => s.waitSeconds)).toEqual([600, 1200, 1800]);
    expect(version).toBe('builtin');
    expect(defaultChain('record-completion').steps.map((s) => s.role)).toEqual(['team_lead', 'supervisor']);
  });

  it("finds a breach's chain from its standard, the default chain for a standard no policy times", () => {
    expect(chainPolicyForStandard('network-fault-response')).toBe('network-fault-response');
    expect(chainPolicyForStandard('complaint-reply')).toBe('complaint-resolution');
    expect(chainPolicyForStandard('answer-time')).toBe('answer');
    expect(chainPolicyForStandard('something-else')).toBe('default');
  });

  it('refuses an empty chain, a wait out of range and a role no more senior than the one before, naming the step', () => {
    expect(chainIssues([])).toEqual([{ path: 'steps', message: expect.any(String) }]);
    expect(chainIssues([{ role: 'team_lead', waitSeconds: 0 }]).map((i) => i.path)).toEqual(['steps.0.waitSeconds']);
    expect(chainIssues([{ role: 'supervisor', waitSeconds: 60 }, { role: 'team_lead', waitSeconds: 60 }]).map((i) => i.path)).toEqual(['steps.1.role']);
    expect(chainIssues([{ role: 'team_lead', waitSeconds: 1 }, { role: 'duty_manager', waitSeconds: 60 }])).toEqual([]);
  });
});

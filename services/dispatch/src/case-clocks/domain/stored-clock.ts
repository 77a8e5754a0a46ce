import { isSlaSignal, SLA_PRIORITIES, type ClockInput, type SlaPolicy, type SlaPriority, type SlaSignal, type SlaVerdict } from '../../sla/domain';

/**
 * How a case clock's inputs and published verdicts are kept as JSON: only signals are stored (a
 * policy is rebuilt from the tenant's standards, never stored), instants as epoch milliseconds in
 * inputs (as `SlaClock` keeps them) and ISO strings in verdicts. A 'priority_changed' signal
 * carries the new priority and replays as the clock's priority change (the remaining budget is
 * recomputed, elapsed and paused time kept); a 'policy_changed' signal names the policy that
 * times the run from then (rebuilt like the clock's own, elapsed and paused time kept).
 */
export type StoredInput = { kind: 'signal'; signal: SlaSignal; at: number; priority?: SlaPriority; policyId?: string };

export type StoredVerdict = Omit<SlaVerdict, 'at' | 'startedAt' | 'deadline'> & { at: string; startedAt: string; deadline?: string };

export function signalInput(signal: SlaSignal, at: Date, priority?: SlaPriority): StoredInput {
  return { kind: 'signal', signal, at: at.getTime(), ...(priority && { priority }) };
}

export function policyInput(policyId: string, at: Date): StoredInput {
  return { kind: 'signal', signal: 'policy_changed', at: at.getTime(), policyId };
}

/** The policies the stored inputs change to (to rebuild before replaying them). */
export function changedPolicyIds(stored: readonly StoredInput[]): string[] {
  return [...new Set(stored.flatMap((input) => (input.signal === 'policy_changed' && input.policyId ? [input.policyId] : [])))];
}

/** Stored inputs as the clock replays them, with `policies` rebuilt by id; anything that is not a known signal is refused loudly. */
export function clockInputs(stored: readonly StoredInput[], policies: ReadonlyMap<string, SlaPolicy> = new Map()): ClockInput[] {
  return stored.map((input) => {
    if (input?.kind !== 'signal' || !isSlaSignal(input.signal) || !Number.isFinite(input.at)) {
      throw new Error(`not a stored case clock input: ${JSON.stringify(input)}`);
    }
    if (input.signal === 'policy_changed') {
      const policy = policies.get(input.policyId ?? '');
      if (!policy) throw new Error(`a stored policy change names no policy rebuilt for it: ${JSON.stringify(input)}`);
      return { kind: 'policy', policy, at: input.at };
    }
    if (input.signal !== 'priority_changed') return { kind: 'signal', signal: input.signal, at: input.at };
    if (!SLA_PRIORITIES.includes(input.priority as SlaPriority)) throw new Error(`a stored priority change names no priority: ${JSON.stringify(input)}`);
    return { kind: 'priority', priority: input.priority as SlaPriority, at: input.at };
  });
}

/** The same signal at the same instant again (a re-sent event): it would change nothing. */
export function hasInput(stored: readonly StoredInput[], input: StoredInput): boolean {
  return stored.some((other) => other.signal === input.signal && other.at === input.at && other.priority === input.priority && other.policyId === input.policyId);
}

export function storeVerdict({ at, startedAt, deadline, ...rest }: SlaVerdict): StoredVerdict {
  return { ...rest, at: at.toISOString(), startedAt: startedAt.toISOString(), ...(deadline && { deadline: deadline.toISOString() }) };
}

export function restoreVerdict({ at, startedAt, deadline, ...rest }: StoredVerdict): SlaVerdict {
  return { ...rest, at: new Date(at), startedAt: new Date(startedAt), ...(deadline && { deadline: new Date(deadline) }) };
}

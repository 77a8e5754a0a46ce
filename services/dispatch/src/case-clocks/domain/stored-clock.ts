import { isSlaSignal, type ClockInput, type SlaSignal, type SlaVerdict } from '../../sla/domain';

/**
 * How a case clock's inputs and published verdicts are kept as JSON: only signals are stored (a
 * policy is rebuilt from the tenant's standards, never stored), instants as epoch milliseconds in
 * inputs (as `SlaClock` keeps them) and ISO strings in verdicts.
 */
export type StoredInput = { kind: 'signal'; signal: SlaSignal; at: number };

export type StoredVerdict = Omit<SlaVerdict, 'at' | 'startedAt' | 'deadline'> & { at: string; startedAt: string; deadline?: string };

export function signalInput(signal: SlaSignal, at: Date): StoredInput {
  return { kind: 'signal', signal, at: at.getTime() };
}

/** Stored inputs as the clock replays them; anything that is not a known signal is refused loudly. */
export function clockInputs(stored: readonly StoredInput[]): ClockInput[] {
  return stored.map((input) => {
    if (input?.kind !== 'signal' || !isSlaSignal(input.signal) || !Number.isFinite(input.at)) {
      throw new Error(`not a stored case clock input: ${JSON.stringify(input)}`);
    }
    return { kind: 'signal', signal: input.signal, at: input.at };
  });
}

/** The same signal at the same instant again (a re-sent event): it would change nothing. */
export function hasInput(stored: readonly StoredInput[], input: StoredInput): boolean {
  return stored.some((other) => other.signal === input.signal && other.at === input.at);
}

export function storeVerdict({ at, startedAt, deadline, ...rest }: SlaVerdict): StoredVerdict {
  return { ...rest, at: at.toISOString(), startedAt: startedAt.toISOString(), ...(deadline && { deadline: deadline.toISOString() }) };
}

export function restoreVerdict({ at, startedAt, deadline, ...rest }: StoredVerdict): SlaVerdict {
  return { ...rest, at: new Date(at), startedAt: new Date(startedAt), ...(deadline && { deadline: new Date(deadline) }) };
}

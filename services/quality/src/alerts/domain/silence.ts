/** A label matcher: `=` the value, or `!=` it (a missing label is the empty string, as in Alertmanager). */
export interface LabelMatcher {
  label: string;
  op: '=' | '!=';
  value: string;
}

export interface Silence {
  silenceId: string;
  matchers: readonly LabelMatcher[];
  startsAt: number;
  endsAt: number;
  /** Set when someone expired it early. */
  expiredAt: number | null;
}

export type Labels = Readonly<Record<string, string>>;

export function matchesAll(matchers: readonly LabelMatcher[], labels: Labels): boolean {
  return matchers.every((m) => ((labels[m.label] ?? '') === m.value) === (m.op === '='));
}

export function isActive(silence: Silence, nowMs: number): boolean {
  const end = silence.expiredAt === null ? silence.endsAt : Math.min(silence.endsAt, silence.expiredAt);
  return silence.startsAt <= nowMs && nowMs < end;
}

/** The first active silence whose matchers all match, if any. */
export function silencing(silences: readonly Silence[], labels: Labels, nowMs: number): Silence | undefined {
  return silences.find((s) => isActive(s, nowMs) && matchesAll(s.matchers, labels));
}

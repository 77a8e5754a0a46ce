/**
 * Puts a platform's satisfaction answer on the catalogue's 1–5 scale (`survey.completed.score`),
 * keeping the answer itself beside it (`platformScore`), so a report can always go back to it.
 * A numeric scale maps linearly, its lowest answer to 1 and its highest to 5, rounded half up
 * (0–10 NPS-style: 0→1, 5→3, 10→5); a worded scale places its words evenly on 1–5 from worst to
 * best (good/bad: bad→1, good→5; Great/Okay/Bad: Bad→1, Okay→3, Great→5).
 */

export type PlatformScore = {
  value: number | string;
  scale: string;
};

export type SatisfactionScale =
  | { kind: 'numeric'; min: number; max: number }
  /** Worst first, best last; matched without regard to case. */
  | { kind: 'worded'; words: readonly string[] };

export const numericScale = (min: number, max: number): SatisfactionScale => {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) throw new Error(`a scale runs from a lower to a higher number, got ${min}–${max}`);
  return { kind: 'numeric', min, max };
};

export const wordedScale = (...worstToBest: string[]): SatisfactionScale => {
  if (worstToBest.length < 2) throw new Error('a worded scale has at least two answers');
  return { kind: 'worded', words: worstToBest };
};

export function scaleName(scale: SatisfactionScale): string {
  return scale.kind === 'numeric' ? `${scale.min}-${scale.max}` : scale.words.join('/');
}

export type NormalisedScore = { ok: true; score: number; platformScore: PlatformScore } | { ok: false; message: string };

export function normaliseScore(value: unknown, scale: SatisfactionScale): NormalisedScore {
  const position = positionOn(value, scale);
  if (position === undefined) return { ok: false, message: `Expected ${describe(scale)}, got ${JSON.stringify(value)?.slice(0, 60)}` };
  return {
    ok: true,
    score: 1 + Math.floor(position * 4 + 0.5),
    platformScore: { value: value as number | string, scale: scaleName(scale) },
  };
}

/** Where the answer lies on its scale, 0 (worst) to 1 (best); undefined when it is no answer of the scale. */
function positionOn(value: unknown, scale: SatisfactionScale): number | undefined {
  if (scale.kind === 'numeric') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < scale.min || n > scale.max) return undefined;
    return (n - scale.min) / (scale.max - scale.min);
  }
  if (typeof value !== 'string') return undefined;
  const index = scale.words.findIndex((word) => word.toLowerCase() === value.trim().toLowerCase());
  return index < 0 ? undefined : index / (scale.words.length - 1);
}

function describe(scale: SatisfactionScale): string {
  return scale.kind === 'numeric' ? `a number from ${scale.min} to ${scale.max}` : `one of ${scale.words.join(', ')}`;
}

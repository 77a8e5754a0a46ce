import { detectPii, type PiiFinding } from './detect-pii';
import type { PiiKind } from './pii-kind';

export interface MaskTextResult {
  text: string;
  /** How many of each kind were masked; kinds not found are absent. */
  found: Partial<Record<PiiKind, number>>;
}

function apply(text: string, findings: readonly PiiFinding[]): string {
  let out = '';
  let from = 0;
  for (const f of findings) {
    out += text.slice(from, f.start) + f.replacement;
    from = f.end;
  }
  return out + text.slice(from);
}

/**
 * Masks ID-card and bank-card numbers, mobile and fixed-line numbers and e-mail addresses in free
 * text. Masking repeats until nothing is found (a kept tail next to an unrelated group could in
 * theory form a new number), so the result never contains a detectable number and masking it
 * again changes nothing.
 */
export function maskText(text: string): MaskTextResult {
  const found: Partial<Record<PiiKind, number>> = {};
  let current = text;
  for (let findings = detectPii(current); findings.length > 0; findings = detectPii(current)) {
    for (const f of findings) found[f.kind] = (found[f.kind] ?? 0) + 1;
    const next = apply(current, findings);
    if (next === current) break; // a detector that finds what it already masked must not spin forever
    current = next;
  }
  return { text: current, found };
}

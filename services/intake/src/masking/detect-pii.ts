import { findEmails, maskEmail } from './email';
import { findInternationalPhones, maskInternationalPhone } from './international-phone';
import { findNumbers, LATIN_RUN, type NumberFinding, SPOKEN_RUN } from './number-finder';
import type { PiiKind } from './pii-kind';
import { textViews } from './text-views';

/** One piece of personal data in a text, and what replaces `text.slice(start, end)`. */
export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
  replacement: string;
}

/** Nothing to look at without a digit, a Chinese numeral or an at-sign. */
const CANDIDATE = /[0-9０-９零〇一幺二三四五六七八九@＠]/;

/** Digits that must be hidden become '*'; separators and kept digits stay as written. */
function numberFinding(text: string, { match, positions }: NumberFinding): PiiFinding {
  const start = positions[0];
  const end = positions[positions.length - 1] + 1;
  const hidden = new Set(positions.filter((_, i) => !match.keep[i]));
  let replacement = '';
  for (let i = start; i < end; i++) replacement += hidden.has(i) ? '*' : text[i];
  return { kind: match.kind, start, end, replacement };
}

/**
 * All personal data in a text, in order and never overlapping. An e-mail address wins over a number
 * inside it (13812345678@163.com is one e-mail); a number written in international form wins over
 * a Chinese reading of its digits.
 */
export function detectPii(text: string): PiiFinding[] {
  if (!CANDIDATE.test(text)) return [];
  const views = textViews(text);
  const candidates: PiiFinding[] = [
    ...findEmails(views.latin).map((span) => ({
      kind: 'email' as const,
      start: span.start,
      end: span.end,
      replacement: maskEmail(text, span),
    })),
    // Before China's detectors: +1 415 555 2671 would otherwise pass for a Chinese mobile (14155552671).
    ...findInternationalPhones(views.latin).map((span) => ({
      kind: span.kind,
      start: span.start,
      end: span.end,
      replacement: maskInternationalPhone(text, span),
    })),
    ...findNumbers(views.latin, LATIN_RUN).map((f) => numberFinding(text, f)),
    ...findNumbers(views.spoken, SPOKEN_RUN).map((f) => numberFinding(text, f)),
  ];
  const accepted: PiiFinding[] = [];
  for (const candidate of candidates) {
    if (!accepted.some((a) => candidate.start < a.end && a.start < candidate.end)) accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

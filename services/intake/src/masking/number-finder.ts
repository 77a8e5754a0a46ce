import { matchBankCard } from './bank-card';
import { matchIdCard } from './id-card';
import { matchLandline } from './landline';
import { matchMobile } from './mobile';
import type { NumberMatch } from './number-match';

/**
 * Finds ID, card and phone numbers in a text view. A number is a run of digits (and an ID card's
 * final X) with at most one separator between groups, never glued to other digits: the
 * lookarounds are on digits, not \b, because Chinese has no word boundaries
 * (身份证号是11010519491231002X谢谢). Inside a run, any group boundary may separate two numbers
 * ("卡号 6222 0212 3456 7890 手机 138 1234 5678" read without pause), so the run is split into the
 * numbers that together cover the most digits; inside a group nothing is split, so a mobile
 * embedded in a longer digit string is not a mobile.
 */

/** Latin view: separators are one space or hyphen, and parentheses around an area code. */
export const LATIN_RUN = /(?<![0-9])(?:\(\+?|\+)?[0-9]+(?:(?:\) ?|[ -]\(?|\()[0-9]+)*(?:[ -]?[Xx](?![A-Za-z]))?/g;

/** Spoken view: ASR also separates pauses with commas (一三八，一二三四，五六七八). */
export const SPOKEN_RUN = /(?<![0-9])[0-9]+(?:[ ,、-][0-9]+)*(?:[ ,、-]?X(?![A-Za-z]))?/g;

/** The longest number a detector accepts (a 19-digit card). */
const MAX_DIGITS = 19;

export interface NumberFinding {
  match: NumberMatch;
  /** Index in the text of each digit of the number, in order. */
  positions: number[];
}

interface Group {
  digits: string;
  positions: number[];
}

/** Tries the detectors from the most to the least specific: an 18-digit valid ID wins over Luhn. */
export function classifyNumber(digits: string, plus: boolean): NumberMatch | null {
  return matchIdCard(digits) ?? matchMobile(digits) ?? matchLandline(digits, plus) ?? matchBankCard(digits);
}

function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (let i = 0; i < run.length; i++) {
    const c = run[i];
    if ((c >= '0' && c <= '9') || c === 'X' || c === 'x') {
      current ??= { digits: '', positions: [] };
      current.digits += c;
      current.positions.push(offset + i);
    } else if (current) {
      groups.push(current);
      current = null;
    }
  }
  if (current) groups.push(current);
  return groups;
}

/** Splits one run's groups into numbers covering the most digits (dynamic programming from the right). */
function numbersInRun(groups: Group[], plus: boolean): NumberFinding[] {
  const n = groups.length;
  const covered = new Array<number>(n + 1).fill(0);
  const choice = new Array<{ last: number; match: NumberMatch } | null>(n).fill(null);
  for (let first = n - 1; first >= 0; first--) {
    covered[first] = covered[first + 1];
    let digits = '';
    for (let last = first; last < n; last++) {
      digits += groups[last].digits;
      if (digits.length > MAX_DIGITS) break;
      const match = classifyNumber(digits, plus && first === 0);
      if (match && digits.length + covered[last + 1] > covered[first]) {
        covered[first] = digits.length + covered[last + 1];
        choice[first] = { last, match };
      }
    }
  }
  const found: NumberFinding[] = [];
  for (let i = 0; i < n; ) {
    const picked = choice[i];
    if (!picked) {
      i++;
      continue;
    }
    found.push({ match: picked.match, positions: groups.slice(i, picked.last + 1).flatMap((g) => g.positions) });
    i = picked.last + 1;
  }
  return found;
}

/** Every number found in `view` with `runPattern` (LATIN_RUN or SPOKEN_RUN). */
export function findNumbers(view: string, runPattern: RegExp): NumberFinding[] {
  const found: NumberFinding[] = [];
  for (const run of view.matchAll(runPattern)) {
    const groups = groupsOf(run[0], run.index);
    const plus = /^\(?\+/.test(run[0]);
    found.push(...numbersInRun(groups, plus));
  }
  return found;
}

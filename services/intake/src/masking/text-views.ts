/**
 * Same-length views of a text in which detectors search, so that a finding's indices point at the
 * original characters (those are what gets masked). Every mapping is one UTF-16 unit to one.
 *
 * - `latin`: full-width forms (０-９, ＠, （）, －, ＋, Ｘ, ，…) folded to ASCII, odd spaces to ' ',
 *   dashes to '-'. Arabic digits and e-mail addresses are found here.
 * - `spoken`: the latin view with Chinese numerals read digit by digit (零〇一幺二三四五六七八九, and
 *   叉 for an ID card's final X) turned into ASCII digits and Arabic digits hidden as '#', so that a
 *   spoken run (ASR: 一三八一二三四五六七八) is judged on its own.
 */
export interface TextViews {
  latin: string;
  spoken: string;
}

const SPOKEN_DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  叉: 'X',
};

/** Folds one UTF-16 unit to its ASCII look-alike, or returns it unchanged. */
export function foldLatin(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0x202f || (code >= 0x2000 && code <= 0x200a)) return ' ';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return unit;
}

export function textViews(text: string): TextViews {
  let latin = '';
  let spoken = '';
  for (let i = 0; i < text.length; i++) {
    const folded = foldLatin(text[i]);
    latin += folded;
    spoken += folded >= '0' && folded <= '9' ? '#' : folded === 'x' ? 'X' : (SPOKEN_DIGITS[folded] ?? folded);
  }
  return { latin, spoken };
}

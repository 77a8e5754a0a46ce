/** The languages transcripts come in (the contract's `transcript.recorded` language). */
export type TranscriptLanguage = 'zh' | 'en';

/**
 * Traditional → simplified for the characters the etiquette phrases use (工號, 請, 謝謝, 不歸我管,
 * 沒辦法, 請問還有什麼可以幫您, 感謝您的來電): a small table rather than a dictionary package.
 */
const simplified: Readonly<Record<string, string>> = {
  號: '号',
  請: '请',
  謝: '谢',
  歸: '归',
  沒: '没',
  辦: '办',
  問: '问',
  還: '还',
  麼: '么',
  麽: '么',
  幫: '帮',
  來: '来',
  電: '电',
  妳: '你',
  別: '别', // 你问别人, the manual-style example a tenant adds (libs/standards README)
};

const apostrophes = /['‘’`´]/u;
const notLetterOrDigit = /[^\p{L}\p{N}]/u;

/** Text folded for matching, with the index in the original text of each folded character. */
export interface FoldedText {
  text: string;
  sourceIndex: readonly number[];
}

/**
 * Folds text for phrase matching. Both languages: NFKC (full-width → half-width), lower case.
 * Chinese: traditional → simplified and every space, punctuation mark and symbol dropped, so
 * phrases match without word boundaries. English: apostrophes dropped, other punctuation a space,
 * runs of spaces one, padded with a space each side so phrases match as whole words.
 */
export function foldText(text: string, language: TranscriptLanguage): FoldedText {
  const out: string[] = [];
  const sourceIndex: number[] = [];
  const push = (ch: string, at: number) => {
    out.push(ch);
    sourceIndex.push(at);
  };
  if (language === 'en') push(' ', 0);
  let at = 0;
  for (const codePoint of text) {
    for (const folded of codePoint.normalize('NFKC').toLowerCase()) {
      const ch = simplified[folded] ?? folded;
      if (language === 'zh') {
        if (!notLetterOrDigit.test(ch)) push(ch, at);
      } else if (apostrophes.test(ch)) {
        continue;
      } else if (notLetterOrDigit.test(ch)) {
        if (out[out.length - 1] !== ' ') push(' ', at);
      } else {
        push(ch, at);
      }
    }
    at += codePoint.length;
  }
  if (language === 'en' && out[out.length - 1] !== ' ') push(' ', text.length);
  return { text: out.join(''), sourceIndex };
}

/** A phrase as it is searched for in folded text of the language. */
export function foldPhrase(phrase: string, language: TranscriptLanguage): string {
  return foldText(phrase, language).text;
}

/** Where one phrase occurs: offsets into the original text, and (`foldedEnd`) just after it in the folded text. */
export interface PhraseMatch {
  start: number;
  end: number;
  foldedEnd: number;
}

/** Every occurrence of a folded phrase in folded text, mapped back to the original text. */
export function findPhrase(folded: FoldedText, phrase: string, language: TranscriptLanguage): PhraseMatch[] {
  const needle = foldPhrase(phrase, language);
  if (needle.trim().length === 0) return [];
  // English needles carry their padding spaces; the match proper excludes them.
  const pad = language === 'en' ? 1 : 0;
  const matches: PhraseMatch[] = [];
  for (let i = folded.text.indexOf(needle); i >= 0; i = folded.text.indexOf(needle, i + 1)) {
    const first = i + pad;
    const last = i + needle.length - 1 - pad;
    matches.push({ start: folded.sourceIndex[first], end: folded.sourceIndex[last] + 1, foldedEnd: last + 1 });
  }
  return matches;
}

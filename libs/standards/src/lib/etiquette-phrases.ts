import type { PhraseLists } from './standard';

/**
 * MANUAL ch. 3's transcript checks as bilingual phrase lists. The Chinese phrases are the manual's
 * own examples (plus the usual time-of-day greetings); the English ones are Hotline's equivalents.
 * Matching (case, full-width punctuation, apostrophes) is the checker's job; these are the phrases.
 */

/** Greeting at the start of a conversation (e.g. 您好). */
export const greetingPhrases: PhraseLists = {
  zh: ['您好', '早上好', '下午好', '晚上好'],
  en: ['hello', 'good morning', 'good afternoon', 'good evening'],
};

/** The agent names their staff number (工号). */
export const selfIdentificationPhrases: PhraseLists = {
  zh: ['工号'],
  en: ['staff number', 'employee number', 'agent number'],
};

/** Polite forms (请/您/谢谢). */
export const politeFormPhrases: PhraseLists = {
  zh: ['请', '您', '谢谢'],
  en: ['please', 'thank you', 'thanks'],
};

/** Forbidden service phrases (服务禁语). */
export const forbiddenPhrases: PhraseLists = {
  zh: ['不知道', '不归我管', '你自己看', '没办法'],
  en: ["I don't know", 'I do not know', 'not my job', 'not my problem', 'look it up yourself', 'nothing I can do'],
};

/** The closing offer of further help (请问还有什么可以帮您). */
export const closingOfferPhrases: PhraseLists = {
  zh: ['请问还有什么可以帮您'],
  en: ['anything else I can help'],
};

/** Thanks at the close (感谢您的来电). */
export const closingThanksPhrases: PhraseLists = {
  zh: ['感谢您的来电'],
  en: ['thank you for calling'],
};

import { builtInStandards, etiquetteRules, forbiddenPhrases, ResolvedStandards } from '@hotline/standards';
import { seededRandom, type SeededRandom } from '@hotline/testing/random';
import { scoreTranscript } from './score-transcript';
import type { Transcript, TranscriptSegment } from './transcript';

const standards = new ResolvedStandards(builtInStandards);
const score = (transcript: Transcript) => scoreTranscript(transcript, standards, etiquetteRules).score;

/** Building blocks of turns: courtesy, forbidden phrases and neutral words, in both languages. */
const pieces = {
  zh: ['您好', '工号1023', '请', '谢谢', '请问还有什么可以帮您', '感谢您的来电', '宽带', '账单', '稍等', '查一下', ...forbiddenPhrases.zh],
  en: ['hello', 'staff number 1023', 'please', 'thank you', 'anything else I can help', 'thank you for calling', 'broadband', 'the bill', 'one moment', ...forbiddenPhrases.en],
};
const separator = { zh: '，', en: ', ' };

function randomTranscript(random: SeededRandom): Transcript {
  const language = random.pick(['zh', 'en'] as const);
  const segments: TranscriptSegment[] = [];
  let at = 0;
  for (let i = random.int(0, 12); i > 0; i--) {
    const begin = Math.max(0, at + random.int(-3000, 80_000));
    const end = begin + random.int(0, 10_000);
    const words = Array.from({ length: random.int(0, 5) }, () => random.pick(pieces[language]));
    segments.push({ role: random.pick(['agent', 'customer'] as const), text: words.join(separator[language]), beginOffsetMs: begin, endOffsetMs: end });
    at = end;
  }
  return { language, segments };
}

describe('scoreTranscript (seeded property)', () => {
  it('stays within 0–100, and removing a forbidden phrase never lowers the score', () => {
    const random = seededRandom(20261130);
    let removals = 0;
    for (let run = 0; run < 500; run++) {
      const transcript = randomTranscript(random);
      const before = score(transcript);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(before).toBeLessThanOrEqual(100);
      const phrases = forbiddenPhrases[transcript.language];
      const index = transcript.segments.findIndex((segment) => phrases.some((phrase) => segment.text.includes(phrase)));
      if (index < 0) continue;
      const phrase = phrases.find((candidate) => transcript.segments[index].text.includes(candidate)) as string;
      const segments = transcript.segments.map((segment, i) => (i === index ? { ...segment, text: segment.text.replace(phrase, '') } : segment));
      expect(score({ ...transcript, segments })).toBeGreaterThanOrEqual(before);
      removals++;
    }
    expect(removals).toBeGreaterThan(50);
  });
});

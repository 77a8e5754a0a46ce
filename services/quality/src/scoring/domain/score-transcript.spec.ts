import { applyOverrides, builtInStandards, etiquetteRules, ResolvedStandards } from '@hotline/standards';
import { scoreTranscript } from './score-transcript';
import type { Transcript, TranscriptSegment } from './transcript';

const standards = new ResolvedStandards(builtInStandards);
const agent = (text: string, beginOffsetMs: number, endOffsetMs: number): TranscriptSegment => ({ role: 'agent', text, beginOffsetMs, endOffsetMs });
const customer = (text: string, beginOffsetMs: number, endOffsetMs: number): TranscriptSegment => ({ role: 'customer', text, beginOffsetMs, endOffsetMs });
const score = (transcript: Transcript) => scoreTranscript(transcript, standards, etiquetteRules);

describe('scoreTranscript', () => {
  it('gives a courteous Chinese call 100, traditional and full-width forms included', () => {
    const result = score({
      language: 'zh',
      segments: [
        agent('您好，我是工號１０２３的客服小王。', 0, 4000),
        customer('我的宽带断了。', 4500, 6000),
        agent('请您稍等，我帮您查一下。', 6500, 9000),
        customer('好的。', 9500, 10000),
        agent('已经为您重置端口，谢谢您的耐心。請問還有什麼可以幫您？', 15000, 20000),
        customer('没有了。', 20500, 21000),
        agent('感謝您的來電，再见。', 21500, 23000),
      ],
    });
    expect(result).toEqual({ score: 100, deductions: [] });
  });

  it('deducts a forbidden phrase with its exact quote, offsets, standard and clause', () => {
    const result = score({
      language: 'zh',
      segments: [
        agent('您好，工号2041为您服务。', 0, 3000),
        customer('我的账单为什么多扣了钱？', 3500, 6000),
        agent('这个我也不知道，不归我管，请您问营业厅。', 6500, 10000),
        agent('请问还有什么可以帮您？感谢您的来电。', 10500, 13000),
      ],
    });
    expect(result.score).toBe(70);
    expect(result.deductions).toEqual([
      { rule: 'forbidden-phrases', points: 15, evidence: '不知道', beginOffsetMs: 6500, endOffsetMs: 10000, standardId: 'forbidden-phrases', version: '1', clause: expect.stringContaining('服务禁语') },
      expect.objectContaining({ rule: 'forbidden-phrases', points: 15, evidence: '不归我管' }),
    ]);
  });

  it('deducts a missing greeting, staff number and closing in English, case and punctuation aside', () => {
    const result = score({
      language: 'en',
      segments: [
        agent("Yeah, what's up? I'm Sam.", 0, 2000),
        customer('My phone has no signal since this morning.', 2500, 5000),
        agent('PLEASE restart it. Well... I DONT KNOW, look it up yourself!', 5500, 9000),
        customer('Okay, bye.', 9500, 10000),
        agent('Bye.', 10200, 10500),
      ],
    });
    expect(result.deductions.map((d) => [d.rule, d.points, d.evidence])).toEqual([
      ['greeting', 10, "Yeah, what's up? I'm Sam. / PLEASE restart it. Well... I DONT KNOW, look it up yourself!"],
      ['self-identification', 10, "Yeah, what's up? I'm Sam. / PLEASE restart it. Well... I DONT KNOW, look it up yourself!"],
      ['forbidden-phrases', 15, 'I DONT KNOW'],
      ['forbidden-phrases', 15, 'look it up yourself'],
      ['closing-offer', 10, 'PLEASE restart it. Well... I DONT KNOW, look it up yourself! / Bye.'],
      ['closing-thanks', 10, 'PLEASE restart it. Well... I DONT KNOW, look it up yourself! / Bye.'],
    ]);
    expect(result.score).toBe(30);
    expect(result.deductions[0]).toMatchObject({ beginOffsetMs: 0, endOffsetMs: 9000, standardId: 'greeting', version: '1' });
  });

  it('requires a number after the staff-number phrase', () => {
    const opening = (text: string) => score({ language: 'en', segments: [agent(text, 0, 1000)] }).deductions.map((d) => d.rule);
    expect(opening('Hello, my staff number is 4417. Thank you for calling, anything else I can help with?')).toEqual([]);
    expect(opening('Hello, I will tell you my staff number later. Thank you for calling, anything else I can help with?')).toEqual(['self-identification']);
  });

  it('finds silences and holds in the gaps between turns, and interruptions in overlaps', () => {
    const result = score({
      language: 'en',
      segments: [
        agent('Hello, staff number 12, please go ahead.', 0, 3000),
        customer('I was charged twice for', 3500, 8000),
        agent('Let me check that.', 6000, 9000), // talks over the customer for 2 s
        agent('Thanks for waiting.', 21000, 23000), // 12 s of silence
        agent('Thank you for calling. Anything else I can help with?', 95000, 98000), // a 72 s hold
      ],
    });
    expect(result.deductions.map((d) => [d.rule, d.beginOffsetMs, d.endOffsetMs, d.evidence])).toEqual([
      ['long-silence', 9000, 21000, 'Let me check that.'],
      ['long-hold', 23000, 95000, 'Thanks for waiting.'],
      ['interruption', 6000, 8000, 'Let me check that.'],
    ]);
    expect(result.score).toBe(80);
  });

  it('caps each rule and never goes below 0', () => {
    const rude = Array.from({ length: 40 }, (_, i) => agent('没办法，你自己看。', i * 70_000, i * 70_000 + 1000));
    const result = score({ language: 'zh', segments: rude });
    expect(result.score).toBe(0);
    expect(result.deductions.filter((d) => d.rule === 'forbidden-phrases')).toHaveLength(3);
    expect(result.deductions.filter((d) => d.rule === 'long-hold').reduce((sum, d) => sum + d.points, 0)).toBe(20);
  });

  it('scores 10,000 segments with a bounded list of deductions', () => {
    const turns = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0 ? customer('我的宽带又断了', i * 20_000, i * 20_000 + 5000) : agent('不知道，没办法', i * 20_000 - 17_000, i * 20_000 - 12_000),
    );
    const result = score({ language: 'zh', segments: turns });
    expect(result.score).toBe(0);
    const cap = etiquetteRules.rules.reduce((sum, rule) => sum + Math.ceil(rule.maxPoints / rule.points), 0);
    expect(result.deductions.length).toBeLessThanOrEqual(cap);
    expect(result.deductions.filter((d) => d.rule === 'interruption')).toHaveLength(3);
  });

  it('scores a transcript with no agent turns as missing every expected phrase', () => {
    const result = score({ language: 'zh', segments: [customer('喂？', 0, 1000)] });
    expect(result.deductions.map((d) => d.rule)).toEqual(['greeting', 'self-identification', 'polite-forms', 'closing-offer', 'closing-thanks']);
    expect(result.deductions[0]).toMatchObject({ evidence: '', beginOffsetMs: 0, endOffsetMs: 0 });
  });

  it("applies a tenant's tightened standards, recording the tenant's version", () => {
    const tenant = new ResolvedStandards({
      ...builtInStandards,
      version: 'acme:2@1',
      standards: { ...builtInStandards.standards, 'long-silence': { ...builtInStandards.standards['long-silence'], seconds: 3 } },
    });
    const result = scoreTranscript(
      { language: 'en', segments: [agent('Hello, staff number 7, please hold.', 0, 1000), agent('Thank you for calling. Anything else I can help with?', 5000, 6000)] },
      tenant,
      etiquetteRules,
    );
    expect(result.deductions).toEqual([expect.objectContaining({ rule: 'long-silence', version: 'acme:2@1' })]);
  });

  it("deducts a tenant's own forbidden phrase, in traditional characters too", () => {
    const tenant = new ResolvedStandards(
      applyOverrides(builtInStandards, {
        tenantId: 'acme',
        version: '3',
        effectiveFrom: '2026-01-01T00:00:00Z',
        standards: { 'forbidden-phrases': { kind: 'phrases', add: { zh: ['你问别人'], en: ['ask someone else'] } }, interruption: { kind: 'deadline', seconds: 5 } },
      }),
    );
    const result = scoreTranscript(
      {
        language: 'zh',
        segments: [
          agent('您好，工号88。', 0, 2000),
          customer('我要改套餐，你们', 2500, 9000),
          agent('這個你問別人吧，请稍等。', 6000, 8000), // talks over for 2 s: within the tenant's 5 s
          agent('请问还有什么可以帮您？感谢您的来电。', 8500, 10000),
        ],
      },
      tenant,
      etiquetteRules,
    );
    expect(result.deductions).toEqual([expect.objectContaining({ rule: 'forbidden-phrases', evidence: '你問別人', version: 'acme:3@1' })]);
  });
});

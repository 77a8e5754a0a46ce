import { builtInStandards } from './built-in-standards';
import { DAY, HOUR, MINUTE } from './duration';
import type { DeadlineStandard, PhrasesStandard } from './standard';
import { standardIds, standardKinds } from './standard-ids';

const { standards } = builtInStandards;

const deadline = (id: keyof typeof standards): DeadlineStandard => standards[id] as DeadlineStandard;
const phrases = (id: keyof typeof standards): PhrasesStandard => standards[id] as PhrasesStandard;

describe('builtInStandards', () => {
  it("is version '1', in force from 2000-01-01", () => {
    expect(builtInStandards.version).toBe('1');
    expect(new Date(builtInStandards.effectiveFrom).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(builtInStandards.tenant).toBeUndefined();
  });

  it('defines every known standard once, under its own id and of its declared kind', () => {
    expect(Object.keys(standards).sort()).toEqual([...standardIds].sort());
    for (const id of standardIds) {
      expect(standards[id].id).toBe(id);
      expect(standards[id].kind).toBe(standardKinds[id]);
      expect(standards[id].lowerIsStricter).toBe(standards[id].kind !== 'phrases');
      expect(standards[id].title.length).toBeGreaterThan(0);
      expect(standards[id].description.length).toBeGreaterThan(0);
    }
  });

  it.each([
    // [id, seconds, chapter, layer, provenance]
    ['answer-time', 30, '2.1', 'enterprise', 'Manual ch. 2.1'],
    ['network-fault-response', 15 * MINUTE, '2.2', 'enterprise', 'Manual ch. 2.2'],
    ['record-completion', 24 * HOUR, '2.2', 'enterprise', 'Hotline default'],
    ['follow-up-call', 48 * HOUR, '2.2', 'enterprise', 'Hotline default'],
    ['long-silence', 10, '3', 'enterprise', 'Hotline default'],
    ['long-hold', 60, '3', 'enterprise', 'Hotline default'],
    ['interruption', 1, '3', 'enterprise', 'Hotline default'],
    ['equipment-fault-response', 4 * HOUR, '4.3', 'enterprise', 'Hotline default'],
    ['complaint-acknowledgement', 24 * HOUR, '6.1', 'enterprise', 'Hotline default'],
    ['complaint-reply', 15 * DAY, '1.3', 'national', '《电信用户申诉处理办法》 Art. 10'],
    ['fault-repair-town', 48 * HOUR, '1.3', 'national', '《电信条例》'],
    ['fault-repair-rural', 72 * HOUR, '1.3', 'national', '《电信条例》'],
    ['mobile-fault-repair-max', 48 * HOUR, '1.3', 'industry', '3G 业务服务规范 (2009)'],
    ['mobile-fault-repair-average', 24 * HOUR, '1.3', 'industry', '3G 业务服务规范 (2009)'],
    ['service-restoration-after-payment', 48 * HOUR, '1.3', 'national', '《电信条例》'],
  ] as const)('%s: %i s, ch. %s, %s layer, from %s', (id, seconds, chapter, layer, provenance) => {
    expect(deadline(id)).toMatchObject({ kind: 'deadline', seconds, chapter, layer, provenance });
  });

  it('states the figures in the units the manual uses', () => {
    expect(deadline('answer-time').seconds).toBe(30);
    expect(deadline('network-fault-response').seconds).toBe(900);
    expect(deadline('complaint-reply').seconds).toBe(1_296_000);
    expect(deadline('fault-repair-rural').seconds).toBe(259_200);
  });

  it('measures the mobile repair average as an average and every other deadline per case', () => {
    const averages = standardIds.filter((id) => standards[id].kind === 'deadline' && deadline(id).measure === 'average');
    expect(averages).toEqual(['mobile-fault-repair-average']);
  });

  it('caps the billing error rate at 1 in 10,000, from 《电信服务规范》', () => {
    expect(standards['billing-error-rate']).toMatchObject({
      kind: 'ratio',
      max: 0.0001,
      layer: 'national',
      provenance: '《电信服务规范》',
      lowerIsStricter: true,
    });
  });

  it("marks as 'Hotline default' exactly the values MANUAL.md marks default or leaves to Hotline", () => {
    const defaults = standardIds.filter((id) => standards[id].provenance === 'Hotline default').sort();
    expect(defaults).toEqual([
      'brute-force-attempts',
      'bulk-export-records',
      'bulk-read-records',
      'complaint-acknowledgement',
      'equipment-fault-response',
      'follow-up-call',
      'interruption',
      'long-hold',
      'long-silence',
      'personal-data-leak-report',
      'record-completion',
    ]);
  });

  it("carries the manual's Chinese terms where it has them", () => {
    expect(standards['record-completion'].titleZh).toBe('先处理后记录');
    expect(standards['follow-up-call'].titleZh).toBe('回访');
    expect(standards['forbidden-phrases'].titleZh).toBe('服务禁语');
    expect(standards['self-identification'].titleZh).toBe('工号');
  });

  describe('etiquette phrase lists (ch. 3)', () => {
    it.each([
      ['greeting', 'expected', 'opening', '您好', 'hello'],
      ['self-identification', 'expected', 'opening', '工号', 'staff number'],
      ['closing-offer', 'expected', 'closing', '请问还有什么可以帮您', 'anything else I can help'],
      ['closing-thanks', 'expected', 'closing', '感谢您的来电', 'thank you for calling'],
    ] as const)('%s is %s in the %s, e.g. %s / %s', (id, usage, where, zh, en) => {
      const standard = phrases(id);
      expect(standard).toMatchObject({ kind: 'phrases', usage, where, chapter: '3', provenance: 'Manual ch. 3' });
      expect(standard.phrases.zh).toContain(zh);
      expect(standard.phrases.en).toContain(en);
    });

    it('has the polite forms 请/您/谢谢 and their English equivalents', () => {
      expect(phrases('polite-forms').phrases.zh).toEqual(expect.arrayContaining(['请', '您', '谢谢']));
      expect(phrases('polite-forms').phrases.en).toEqual(expect.arrayContaining(['please', 'thank you']));
    });

    it('forbids 不知道 / 不归我管 / 你自己看 / 没办法 and their English equivalents, anywhere', () => {
      const standard = phrases('forbidden-phrases');
      expect(standard).toMatchObject({ usage: 'forbidden', where: 'anywhere' });
      expect(standard.phrases.zh).toEqual(expect.arrayContaining(['不知道', '不归我管', '你自己看', '没办法']));
      expect(standard.phrases.en).toEqual(expect.arrayContaining(["I don't know", 'not my job']));
    });

    it('has phrases in both languages for every list, none empty or repeated', () => {
      for (const id of standardIds.filter((standardId) => standards[standardId].kind === 'phrases')) {
        for (const list of [phrases(id).phrases.zh, phrases(id).phrases.en]) {
          expect(list.length).toBeGreaterThan(0);
          expect(new Set(list).size).toBe(list.length);
          expect(list.every((phrase) => phrase.trim() === phrase && phrase.length > 0)).toBe(true);
        }
      }
    });
  });

  it('is frozen, so no caller can change the shared standards', () => {
    expect(() => {
      (deadline('answer-time') as { seconds: number }).seconds = 300;
    }).toThrow(TypeError);
    expect(() => (phrases('forbidden-phrases').phrases.zh as string[]).push('x')).toThrow(TypeError);
    expect(deadline('answer-time').seconds).toBe(30);
  });
});

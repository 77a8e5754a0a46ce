import { seededRandom, type SeededRandom } from '@hotline/testing/random';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isLuhnValid } from './bank-card';
import { idCardCheckCharacter, isValidIdCardNumber } from './id-card';
import { maskData } from './mask-data';
import { maskText } from './mask-text';
import type { PiiKind } from './pii-kind';
import { textViews } from './text-views';

/**
 * Property: for thousands of generated transcripts mixing Chinese and English filler with valid ID
 * numbers, Luhn-valid card numbers, mobiles, landlines (Chinese, international and North American)
 * and e-mail addresses (plain and escaped) in the ways people, speech recognition and URLs write
 * them, masking leaves no valid ID or Luhn-valid 13–19 digit run, none of the inserted phones or
 * addresses, counts exactly what was inserted, and is idempotent. And for generated platform payloads
 * (Connect, Twilio, Genesys shapes), every endpoint field's number and every name field's name is
 * masked, counted where it was, and everything innocuous beside them stays as it was.
 */

const SEED = 20261125;
const TEXTS = 3000;

type Gen = SeededRandom;

const PROVINCES = ['11', '12', '13', '31', '32', '33', '34', '35', '37', '41', '44', '45', '50', '51', '61', '62', '65'];
const CARD_PREFIXES = ['62', '622', '6228', '4', '51', '55', '2221', '2720', '34', '37', '35', '9558'];
const AREA_CODES = ['10', '20', '21', '22', '23', '24', '25', '27', '28', '29', '311', '371', '431', '531', '571', '591', '755', '769', '898'];
const DOMAINS = ['example.com', 'qq.com', '163.com', 'corp.example.cn', 'mail.example.org', 'example.net'];
const SPOKEN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const fullWidth = (s: string): string => s.replace(/[0-9Xx]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const groupsOf = (s: string, sizes: number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= s.length) break;
    out.push(s.slice(at, at + size));
    at += size;
  }
  if (at < s.length) out.push(s.slice(at));
  return out;
};
const inFours = (s: string): string[] => groupsOf(s, new Array(Math.ceil(s.length / 4)).fill(4));

function spoken(g: Gen, s: string): string {
  return [...s]
    .map((c) => (c === 'X' || c === 'x' ? g.pick(['X', '叉']) : c === '1' ? g.pick(['一', '一', '幺']) : SPOKEN[Number(c)]))
    .join('');
}

function validId(g: Gen): string {
  const year = g.int(1930, 2015);
  const month = g.int(1, 12);
  const day = g.int(1, 28);
  const first17 = g.pick(PROVINCES) + g.digits(4) + pad(year, 4) + pad(month, 2) + pad(day, 2) + g.digits(3);
  return first17 + idCardCheckCharacter(first17);
}

function validCard(g: Gen): string {
  for (;;) {
    const length = g.int(16, 19);
    const body = g.pick(CARD_PREFIXES);
    const partial = body + g.digits(length - 1 - body.length);
    const card = [...'0123456789'].map((d) => partial + d).find(isLuhnValid) as string;
    if (!isValidIdCardNumber(card)) return card;
  }
}

const mobileNumber = (g: Gen): string => '1' + g.pick(['3', '4', '5', '6', '7', '8', '9']) + g.digits(9);

interface Item {
  kind: Extract<PiiKind, 'id_card' | 'bank_card' | 'mobile' | 'landline' | 'email'>;
  written: string;
  /** What must not survive (the national number of a phone, the address of an e-mail). */
  secret?: string;
}

function idItem(g: Gen): Item {
  const id = validId(g);
  const written = g.pick([
    () => id,
    () => id.toLowerCase(),
    () => groupsOf(id, [6, 8, 4]).join(' '),
    () => groupsOf(id, [6, 8, 4]).join('-'),
    () => inFours(id).join(' '),
    () => fullWidth(id),
    () => spoken(g, id),
    () => groupsOf(spoken(g, id), [6, 8, 4]).join('，'),
  ])();
  return { kind: 'id_card', written };
}

function cardItem(g: Gen): Item {
  const card = validCard(g);
  const written = g.pick([
    () => card,
    () => inFours(card).join(' '),
    () => inFours(card).join('-'),
    () => fullWidth(card),
    () => spoken(g, card),
    () => inFours(spoken(g, card)).join(' '),
  ])();
  return { kind: 'bank_card', written };
}

function mobileItem(g: Gen): Item {
  const mobile = mobileNumber(g);
  const [a, b, c] = groupsOf(mobile, [3, 4, 4]);
  const written = g.pick([
    () => mobile,
    () => `${a} ${b} ${c}`,
    () => `${a}-${b}-${c}`,
    () => `+86 ${a} ${b} ${c}`,
    () => `+86${mobile}`,
    () => `0086 ${mobile}`,
    () => `86-${a}-${b}-${c}`,
    () => fullWidth(mobile),
    () => spoken(g, mobile),
    () => [a, b, c].map((part) => spoken(g, part)).join('，'),
  ])();
  return { kind: 'mobile', written, secret: mobile };
}

function landlineItem(g: Gen): Item {
  const area = g.pick(AREA_CODES);
  const local = String(g.int(1, 9)) + g.digits(area.length === 2 ? 7 : g.int(6, 7));
  const [l1, l2] = groupsOf(local, [local.length - 4, 4]);
  const written = g.pick([
    () => `0${area}-${local}`,
    () => `(0${area}) ${l1}-${l2}`,
    () => `0${area} ${l1} ${l2}`,
    () => `0${area}${local}`,
    () => `+86 ${area} ${local}`,
    () => spoken(g, `0${area}${local}`),
  ])();
  return { kind: 'landline', written, secret: `${area}${local}` };
}

function emailItem(g: Gen): Item {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (n: number): string => Array.from({ length: n }, () => g.pick([...letters])).join('');
  const local = g.pick([
    () => word(g.int(1, 8)),
    () => `${word(g.int(2, 6))}.${word(g.int(2, 6))}`,
    () => `${word(g.int(2, 6))}_${g.digits(g.int(1, 4))}`,
    () => mobileNumber(g),
    () => g.digits(g.int(5, 10)),
  ])();
  const address = `${local}@${g.pick(DOMAINS)}`;
  return { kind: 'email', written: g.int(0, 9) === 0 ? address.replace('@', '＠') : address, secret: address };
}

/** International numbers of known kinds: [country code, national number, kind]. */
const INTERNATIONAL: readonly ((g: Gen) => [string, string, 'mobile' | 'landline'])[] = [
  (g) => ['1', g.pick(['415', '212', '646', '312', '617', '206']) + String(g.int(2, 9)) + g.digits(6), 'mobile'],
  (g) => ['44', '7911' + g.digits(6), 'mobile'],
  (g) => ['44', '20' + String(g.int(7, 8)) + g.digits(7), 'landline'],
  (g) => ['33', String(g.int(6, 7)) + g.digits(8), 'mobile'],
  (g) => ['49', g.pick(['151', '160', '170', '176']) + g.digits(8), 'mobile'],
  (g) => ['81', g.pick(['90', '80', '70']) + g.digits(8), 'mobile'],
  (g) => ['91', String(g.int(7, 9)) + g.digits(9), 'mobile'],
];

/** A valid international number of its declared kind (+91 8… may be a fixed line; US numbers may be either). */
function internationalNumber(g: Gen): [string, string, 'mobile' | 'landline'] {
  for (;;) {
    const [code, national, kind] = g.pick(INTERNATIONAL)(g);
    const parsed = parsePhoneNumberFromString(`+${code}${national}`);
    const type = parsed?.isValid() ? parsed.getType() : undefined;
    if (type === (kind === 'landline' ? 'FIXED_LINE' : code === '1' ? 'FIXED_LINE_OR_MOBILE' : 'MOBILE')) return [code, national, kind];
  }
}

/** A number as dial strings, URIs and URL parameters carry it: SIP and tel: URIs, `%2B` (once or twice encoded), `00`. */
function dialled(g: Gen, code: string, national: string): string {
  const e164 = `${code}${national}`;
  return g.pick([
    () => `tel:+${e164}`,
    () => `sip:+${e164}@trunk`,
    () => `sip:+${e164}@10.0.0.1;transport=udp`,
    () => `tel:%2B${e164}`,
    () => `sip:%2B${e164}@trunk`,
    () => `From=%2B${e164}&To=x`,
    () => `From=%252B${e164}`,
    () => `%2B${code}%20${groupsOf(national, [3, 3]).join('%20')}`,
    () => `${g.pick(['tel:', 'sip:', 'To='])}00${e164}`,
    () => `00${code} ${groupsOf(national, [3, 3]).join(' ')}`,
    () => `00 ${code} ${national}`,
  ])();
}

function internationalItem(g: Gen): Item {
  const [code, national, kind] = internationalNumber(g);
  const [a, b, c] = groupsOf(national, [3, 3, 4]);
  const written = g.pick([
    () => `+${code} ${national}`,
    () => `+${code}${national}`,
    () => `+${code} ${groupsOf(national, [3, 3]).join(' ')}`,
    () => `+${code}-${groupsOf(national, [3, 3]).join('-')}`,
    () => fullWidth(`+${code} ${national}`).replace('+', '＋'),
    () => dialled(g, code, national),
    ...(code === '1' ? [() => `(${a}) ${b}-${c}`, () => `${a}-${b}-${c}`, () => `${a}.${b}.${c}`] : []),
  ])();
  return { kind, written, secret: national };
}

function encodedEmailItem(g: Gen): Item {
  const { secret } = emailItem(g);
  const address = (secret as string).replace('＠', '@');
  const written = g.pick([
    () => address.replace('@', '%40'),
    () => address.replace('@', '%40').replace(/\./g, '%2E'),
    () => address.replace('@', '%2540'),
    () => `mailto%253A${address.replace('@', '%2540').replace(/\./g, '%252E')}`,
    // Twilio client identities: every character but letters and digits as _XX
    () => address.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`),
  ])();
  return { kind: 'email', written, secret: written.toLowerCase() };
}

const LEAD_INS: Record<Item['kind'], readonly string[]> = {
  id_card: ['我的身份证号是', '身份证号码：', '证件号', 'my ID number is ', 'ID: '],
  bank_card: ['卡号是', '银行卡', '我的卡号：', 'card number ', 'the card is '],
  mobile: ['手机号是', '我的电话', '联系方式：', 'call me at ', 'mobile: '],
  landline: ['座机', '家里电话是', '办公室电话：', 'landline ', 'office phone '],
  email: ['邮箱是', '电子邮件', 'email me at ', 'my email is ', 'mail: '],
};
const LEAD_OUTS = ['，谢谢。', '。', '，对吧？', '好的。', '. Thanks!', ', right?', ' okay.', '；'];
const FILLERS = [
  '您好，请问有什么可以帮您？',
  '工号1024为您服务。',
  '订单号A2026112510300012已经发货。',
  '本次消费金额¥1380.00元。',
  '通话时间2026-11-25 10:30:00开始。',
  '请稍等一下，三天内处理完毕。',
  '第一次来电是十二月一日。',
  'Hello, thank you for calling.',
  'Your case 3f2b8c4e-1d2a-4b7e-9c3d-5e6f7a8b9c0d is open.',
  'I will transfer you to queue 3 now.',
  'The outage started at 10:30 and 1,380 customers are affected.',
  '宽带故障已经派单，请保持电话畅通。',
  '请拨打10086或者400-810-8888咨询。',
  '我们一二三四五都有人值班。',
];

/**
 * Every digit run (any separators) in both detection views, as its groups: a number may start or
 * end at any separator, never inside a group (a card inside a longer digit string is not a card).
 */
function digitRuns(text: string): string[][] {
  const { latin, spoken: spokenView } = textViews(text);
  return [latin, spokenView].flatMap((view) =>
    [...view.matchAll(/[0-9Xx](?:[ ,、()+-]*[0-9Xx])*/g)].map((m) => m[0].split(/[^0-9Xx]+/)),
  );
}

/** Luhn-valid 13–19 digit numbers (whatever their prefix) and valid ID numbers left in a text. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const groups of digitRuns(text)) {
    for (let first = 0; first < groups.length; first++) {
      let candidate = '';
      for (let last = first; last < groups.length && candidate.length < 19; last++) {
        candidate += groups[last];
        if (candidate.length < 13 || candidate.length > 19) continue;
        if (isLuhnValid(candidate) || isValidIdCardNumber(candidate)) found.push(candidate);
      }
    }
  }
  return found;
}

function sameCounts(a: Partial<Record<PiiKind, number>>, b: Partial<Record<PiiKind, number>>): boolean {
  const kinds = new Set([...Object.keys(a), ...Object.keys(b)] as PiiKind[]);
  return [...kinds].every((kind) => a[kind] === b[kind]);
}

describe('maskText on generated transcripts (property)', () => {
  it('leaves no valid ID or card number, no inserted phone or e-mail, counts exactly, and is idempotent', () => {
    const g = seededRandom(SEED);
    const makers = [idItem, cardItem, mobileItem, landlineItem, emailItem, internationalItem, encodedEmailItem];
    let inserted = 0;
    const failures: { seed: number; n: number; text: string; masked: string; problems: string[] }[] = [];
    for (let n = 0; n < TEXTS; n++) {
      const parts: string[] = [];
      const items: Item[] = [];
      const expected: Partial<Record<PiiKind, number>> = {};
      for (let s = g.int(1, 8); s > 0; s--) {
        if (g.int(0, 2) === 0) {
          parts.push(g.pick(FILLERS));
          continue;
        }
        const item = g.pick(makers)(g);
        items.push(item);
        expected[item.kind] = (expected[item.kind] ?? 0) + 1;
        parts.push(g.pick(LEAD_INS[item.kind]) + item.written + g.pick(LEAD_OUTS));
      }
      const text = parts.join(g.pick(['', ' ', '\n']));
      const masked = maskText(text);
      const problems: string[] = leaks(masked.text).map((leak) => `leaked ${leak}`);
      if (!sameCounts(masked.found, expected)) problems.push(`found ${JSON.stringify(masked.found)}, inserted ${JSON.stringify(expected)}`);
      const runs = digitRuns(masked.text).map((groups) => groups.join('')).join('|');
      const latin = textViews(masked.text).latin.toLowerCase();
      for (const item of items) {
        const survived = item.kind === 'email' ? latin.includes(item.secret as string) : item.secret && runs.includes(item.secret);
        if (survived) problems.push(`${item.kind} ${item.written} survived`);
      }
      const again = maskText(masked.text);
      if (again.text !== masked.text || Object.keys(again.found).length > 0) problems.push(`masking again gave ${again.text}`);
      if (problems.length > 0) failures.push({ seed: SEED, n, text, masked: masked.text, problems });
      inserted += items.length;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(failures).toHaveLength(0);
    expect(inserted).toBeGreaterThan(TEXTS * 2);
  });

  it('finds what it checks for: the unmasked texts do leak', () => {
    const g = seededRandom(SEED + 1);
    for (let n = 0; n < 200; n++) {
      expect(leaks(`身份证${idItem(g).written}。`).length).toBeGreaterThan(0);
      expect(leaks(`卡号${cardItem(g).written}。`).length).toBeGreaterThan(0);
    }
  });
});

/** Endpoint fields of the platforms, each filled with a phone in one of the ways they send it. */
const ENDPOINT_FIELDS = ['Address', 'From', 'To', 'Caller', 'ForwardedFrom', 'address', 'addressNormalized', 'addressRaw', 'addressFrom', 'addressTo', 'addressDisplayable', 'sessionDnis', 'ani', 'dnis'];
const NAME_FIELDS = ['customerName', 'WorkerName', 'DisplayName', 'participantName', 'remoteNameDisplayable', 'aniName', 'callbackUserName', 'firstName'];
const NAMES = ['Wang Fang', 'Li Na', '张三丰', '欧阳娜娜', 'Alice Smith', "Seán O'Brien", 'Zhang San', 'María José'];

/** A phone in an endpoint field: international or Chinese, plain, grouped, in a URI, encoded or 00-prefixed. */
function endpointPhone(g: Gen): { value: string; kind: 'mobile' | 'landline'; national: string } {
  const [code, national, kind] = g.int(0, 3) === 0 ? ['86', mobileNumber(g), 'mobile' as const] : internationalNumber(g);
  const value = g.pick([() => `+${code}${national}`, () => `+${code} ${groupsOf(national, [3, 3]).join(' ')}`, () => dialled(g, code, national)])();
  return { value, kind, national };
}

/** What masking must leave as it is: ids, enumerations, labels, durations, metric names, times and PII-free text. */
function innocuous(g: Gen): Record<string, unknown> {
  return {
    id: `${g.digits(8)}-1d2a-4b7e-9c3d-${g.digits(12)}`,
    queueId: `q-${g.digits(6)}`,
    direction: g.pick(['inbound', 'outbound']),
    purpose: g.pick(['customer', 'agent', 'acd', 'ivr']),
    Queue: { Name: g.pick(['Billing', 'Broadband support', '投诉专线']) },
    TaskQueueFriendlyName: g.pick(['Broadband support', 'VIP']),
    metrics: [{ name: g.pick(['tAcd', 'tTalk', 'nOffered']), value: g.int(0, 600000) }],
    talkSeconds: g.int(0, 3600),
    connectedTime: `2026-11-${pad(g.int(1, 28), 2)}T0${g.int(0, 9)}:30:00.000Z`,
    notes: g.pick(FILLERS),
  };
}

describe('maskData on generated platform payloads (property)', () => {
  it('masks every endpoint number and name field, counts each where it was, keeps the rest, and is idempotent', () => {
    const g = seededRandom(SEED + 2);
    const failures: { n: number; payload: unknown; problems: string[] }[] = [];
    for (let n = 0; n < TEXTS / 3; n++) {
      const phones = Object.fromEntries(ENDPOINT_FIELDS.filter(() => g.int(0, 2) === 0).map((field) => [field, endpointPhone(g)]));
      const callbacks = g.int(0, 3) === 0 ? [endpointPhone(g)] : [];
      const names = Object.fromEntries(NAME_FIELDS.filter(() => g.int(0, 2) === 0).map((field) => [field, g.pick(NAMES)]));
      const participantName = g.pick(NAMES);
      const kept = innocuous(g);
      const payload = {
        ...kept,
        session: { ...Object.fromEntries(Object.entries(phones).map(([field, p]) => [field, p.value])), callbackNumbers: callbacks.map((p) => p.value) },
        ...names,
        participants: [{ name: participantName, purpose: 'customer' }],
      };
      const { data, redactions } = maskData(payload);
      const masked = data as typeof payload;
      const problems: string[] = [];
      const counted = (path: string) => redactions.filter((r) => r.path === path).map((r) => `${r.kind}:${r.count}`);
      for (const [field, phone] of Object.entries(phones)) {
        const value = (masked.session as Record<string, unknown>)[field] as string;
        if (value.replace(/[^0-9]/g, '').includes(phone.national)) problems.push(`${field} ${phone.value} survived as ${value}`);
        if (counted(`session.${field}`).join() !== `${phone.kind}:1`) problems.push(`${field} ${phone.value} counted ${counted(`session.${field}`)}`);
      }
      callbacks.forEach((phone, i) => {
        if (counted(`session.callbackNumbers.${i}`).join() !== `${phone.kind}:1`) problems.push(`callback ${phone.value} counted ${counted(`session.callbackNumbers.${i}`)}`);
      });
      for (const [field, name] of [...Object.entries(names), ['participants.0.name', participantName]]) {
        const value = field.includes('.') ? masked.participants[0].name : (masked as Record<string, unknown>)[field];
        if (value !== `${Array.from(name)[0]}**`) problems.push(`${field} ${name} became ${String(value)}`);
      }
      for (const [field, value] of Object.entries(kept)) {
        if (JSON.stringify((masked as Record<string, unknown>)[field]) !== JSON.stringify(value)) problems.push(`${field} changed`);
      }
      if (maskData(data).redactions.length > 0) problems.push('masking again found more');
      if (problems.length > 0) failures.push({ n, payload, problems });
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

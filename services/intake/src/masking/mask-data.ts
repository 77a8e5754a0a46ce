import { matchIdCard } from './id-card';
import { maskText } from './mask-text';
import { classifyNumber } from './number-finder';
import type { PiiKind } from './pii-kind';
import { foldLatin } from './text-views';

/** Where something was masked in an event's data: `segments.3.text`, `customer.phone`. */
export interface Redaction {
  path: string;
  kind: PiiKind;
  count: number;
}

export interface MaskDataResult {
  data: unknown;
  redactions: Redaction[];
}

/** Identifiers keep events linkable: `id`, `contactId`, `agentIds`, Twilio's `TaskSid`, `contact_id`. */
const IDENTIFIER_KEY = /^(?:id|ID|Id|sid|Sid)$|(?:Id|ID|Ids|IDs|Sid|SID|_id|_ids|_sid)$/;

/** Enumerations and routing labels, never personal data. */
export const ENUMERATION_KEYS: ReadonlySet<string> = new Set([
  'type',
  'channel',
  'direction',
  'status',
  'priority',
  'severity',
  'kind',
  'language',
  'role',
  'queue',
  'region',
  'category',
  'disconnectReason',
  'skills',
  'languages',
  'team',
]);

/** Fields that hold a phone number however it is written: `phone`, `customerPhone`, `phone_number`, `msisdn`. */
const PHONE_KEY = /(?:^[Pp]hone|[a-z0-9]Phone|_phone)(?:_?[Nn]umber)?$|^(?:mobile|mobileNumber|telephone|tel|msisdn|ani)$/;

/**
 * A call's endpoints, which platforms fill with a phone number, a SIP URI or an e-mail address:
 * Connect's `CustomerEndpoint.Address`, Twilio's `From`/`To`/`Caller`/`Called`/`ForwardedFrom`,
 * Genesys's `address`, its Address objects' `addressNormalized`/`addressRaw`/`addressDisplayable`,
 * its analytics sessions' `addressFrom`/`addressTo`/`addressSelf`/`addressOther`, `sessionDnis`
 * and `callbackNumbers`.
 */
const ENDPOINT_KEY =
  /^(?:[Aa]ddress(?:Normalized|Raw|Displayable|From|To|Self|Other)?|[Ff]rom|[Tt]o|[Cc]aller|[Cc]alled|[Cc]allerId|[Cc]allerID|ForwardedFrom|dnis|DNIS|ANI|sessionDnis|callbackNumbers)$/;

/**
 * Fields that plainly hold a person's name: `customerName`, Twilio's `WorkerName` and a worker's
 * `friendly_name`, Genesys's `participantName`, `aniName`, `remoteNameDisplayable`, `remote` (the
 * remote party's name, number or address) and an Address object's `nameRaw`, Contact Lens's
 * `DisplayName`. (`TaskQueueFriendlyName` names a queue: kept.)
 */
const NAME_KEY =
  /(?:^|[a-z0-9_])(?:[Cc]ustomer|[Cc]aller|[Cc]allee|[Ww]orker|[Aa]gent|[Cc]ontact|[Pp]articipant|[Ff]irst|[Ll]ast|[Ff]ull|[Dd]isplay|[Gg]iven|[Ff]amily|[Mm]iddle|[Uu]ser|[Nn]ick)_?[Nn]ame$|^(?:[Ss]urname|[Ff]riendly_?[Nn]ame|aniName|nameRaw|remote|remoteNameDisplayable)$/;

/**
 * A `name` inside one of these objects is a person's: `customer: { name }`, Genesys's
 * `participants[].name` and the `self`/`other` Address objects of its calls, a Zendesk `requester`.
 */
const PERSON_KEY = /^(?:customer|caller|callee|worker|agent|contact|participant|user|person|requester|assignee|self|other)s?$/i;

/** Fields that place a person: Twilio's `CallerCity`, `FromZip`, a customer's `postcode`. */
const LOCATION_KEY = /(?:^|[a-z0-9_])(?:[Cc]ity|[Zz]ip|[Zz]ip_?[Cc]ode|[Pp]ostcode|[Pp]ostal_?[Cc]ode)$/;

type Field = 'identifier' | 'enumeration' | 'phone' | 'name' | 'location' | 'text';

function fieldOf(key: string, parentKey: string | undefined): Field {
  if (PHONE_KEY.test(key) || ENDPOINT_KEY.test(key)) return 'phone';
  if (IDENTIFIER_KEY.test(key)) return 'identifier';
  if (ENUMERATION_KEYS.has(key)) return 'enumeration';
  if (NAME_KEY.test(key) || (/^[Nn]ame$/.test(key) && parentKey !== undefined && PERSON_KEY.test(parentKey))) return 'name';
  if (LOCATION_KEY.test(key)) return 'location';
  return 'text';
}

class Redactions {
  readonly list: Redaction[] = [];
  add(path: string, found: Partial<Record<PiiKind, number>>): void {
    for (const [kind, count] of Object.entries(found) as [PiiKind, number][]) this.list.push({ path, kind, count });
  }
}

/** The value's characters (code points) and their ASCII folds, index for index. */
function characters(value: string): { chars: string[]; folded: string[] } {
  const chars = Array.from(value);
  return { chars, folded: chars.map((c) => (c.length === 1 ? foldLatin(c) : c)) };
}

/**
 * A phone field is masked even when written in a way free text would not recognise
 * (138.1234.5678, tel:+86-138-1234-5678, +1 415 555 0123): its digits are classified as a whole,
 * and anything unrecognised with 7 or more digits keeps only its last four (counted as mobile).
 */
function maskPhone(value: string): { text: string; found: Partial<Record<PiiKind, number>> } {
  const inText = maskText(value);
  if (Object.keys(inText.found).length > 0 || value.includes('*')) return inText;
  const { chars, folded } = characters(value);
  const positions = folded.flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
  if (positions.length < 7) return inText;
  const digits = positions.map((i) => folded[i]).join('');
  const plus = /^\D*\+/.test(folded.join(''));
  const match = classifyNumber(digits, plus) ?? classifyNumber(digits, false);
  const kind: PiiKind = match?.kind === 'landline' ? 'landline' : 'mobile';
  const keep = match?.kind === 'mobile' || match?.kind === 'landline' ? match.keep : positions.map((_, i) => i >= positions.length - 4);
  const hidden = new Set(positions.filter((_, i) => !keep[i]));
  return { text: chars.map((c, i) => (hidden.has(i) ? '*' : c)).join(''), found: { [kind]: 1 } };
}

/** An identifier is kept, unless it is, as a whole, a resident ID number (some systems key customers by it). */
function maskIdentifier(value: string): { text: string; found: Partial<Record<PiiKind, number>> } {
  const { chars, folded } = characters(value);
  if (!matchIdCard(folded.join('').replace(/[ -]/g, ''))) return { text: value, found: {} };
  return { text: chars.map((c, i) => (/[0-9Xx]/.test(folded[i]) ? '*' : c)).join(''), found: { id_card: 1 } };
}

/** A name keeps its first character, as Chinese services show them (张**); a place is hidden whole. */
function maskWhole(value: string, kind: 'name' | 'location'): { text: string; found: Partial<Record<PiiKind, number>> } {
  if (value.trim() === '' || value.includes('*')) return { text: value, found: {} };
  const text = kind === 'name' ? `${Array.from(value.trim())[0]}**` : '***';
  return { text, found: { [kind]: 1 } };
}

function maskString(value: string, field: Field): { text: string; found: Partial<Record<PiiKind, number>> } {
  if (field === 'phone') return maskPhone(value);
  if (field === 'name' || field === 'location') return maskWhole(value, field);
  if (field === 'identifier') return maskIdentifier(value);
  if (field === 'enumeration') return { text: value, found: {} };
  return maskText(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function walk(value: unknown, field: Field, path: string, redactions: Redactions, key?: string): unknown {
  if (typeof value === 'string') {
    const masked = maskString(value, field);
    redactions.add(path, masked.found);
    return masked.text;
  }
  if (typeof value === 'number') {
    // A number is data, not text; only one that is, as a whole, a phone, card or ID number is masked.
    if (field === 'location') return walk(String(value), field, path, redactions); // a ZIP code sent as a number
    if (field === 'enumeration' || field === 'identifier' || !Number.isInteger(value) || value < 1e6) return value;
    const digits = String(value);
    if (field !== 'phone' && !classifyNumber(digits, false)) return value;
    const masked = maskString(digits, field === 'phone' ? 'phone' : 'text');
    redactions.add(path, masked.found);
    return Object.keys(masked.found).length > 0 ? masked.text : value;
  }
  const child = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (Array.isArray(value)) return value.map((item, index) => walk(item, field, child(String(index)), redactions, key));
  if (isPlainObject(value)) {
    // fromEntries defines properties, so a "__proto__" key in parsed JSON stays a plain field.
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, walk(item, fieldOf(name, key), child(name), redactions, name)]),
    );
  }
  return value;
}

/**
 * Masks personal data in every string of an event's data, except identifiers and enumerations
 * (listed above) so contacts, agents and cases stay linkable. Returns a new value; the input is
 * not changed. `redactions` says where, what kind and how many, never the values.
 */
export function maskData(data: unknown): MaskDataResult {
  const redactions = new Redactions();
  const masked = walk(data, 'text', '', redactions);
  return { data: masked, redactions: redactions.list };
}

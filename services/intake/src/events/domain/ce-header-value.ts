/**
 * Decodes one `ce-*` header value as the CloudEvents HTTP binding requires (v1.0.2 §3.1.3.2):
 * a double-quoted value is unquoted first (backslash escapes processed), then one round of
 * percent-decoding is applied, and the bytes must be valid UTF-8 (overlong forms such as
 * `%C0%A0` and encoded surrogates are refused). Unnecessary encoding (`%41`) and lower-case hex
 * are accepted. Characters outside ASCII that arrive unencoded (Node reads header bytes as
 * Latin-1) are taken as the bytes they were, so raw UTF-8 decodes too.
 */
export type HeaderValue = { ok: true; value: string } | { ok: false; reason: string };

const QUOTED = /^"((?:[^"\\]|\\[\s\S])*)"$/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

export function decodeHeaderValue(raw: string): HeaderValue {
  let text = raw;
  if (text.startsWith('"')) {
    const quoted = QUOTED.exec(text);
    if (!quoted) return { ok: false, reason: 'is a malformed quoted string' };
    text = quoted[1].replace(/\\([\s\S])/g, '$1');
  }
  const bytes: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit !== 0x25 /* % */) {
      if (unit > 0xff) return { ok: false, reason: 'holds a character that is not percent-encoded UTF-8' };
      bytes.push(unit);
      continue;
    }
    const hex = text.slice(at + 1, at + 3);
    if (!HEX_PAIR.test(hex)) return { ok: false, reason: "has a '%' not followed by two hexadecimal digits" };
    bytes.push(Number.parseInt(hex, 16));
    at += 2;
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes)) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 once percent-decoded' };
  }
}

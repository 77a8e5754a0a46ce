export type { PiiKind } from './pii-kind';
export { PII_KINDS } from './pii-kind';
export { maskText, type MaskTextResult } from './mask-text';
export { maskData, ENUMERATION_KEYS, type MaskDataResult, type Redaction } from './mask-data';
export { detectPii, type PiiFinding } from './detect-pii';
export { isValidIdCardNumber, isPlausibleLegacyIdCardNumber, idCardCheckCharacter } from './id-card';
export { isBankCardNumber, isLuhnValid } from './bank-card';
export { maskEvent } from './mask-event';

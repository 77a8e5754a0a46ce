/**
 * The kinds of personal data intake masks. An event records kinds and counts, never the values.
 * `name` and `location` come from fields that plainly hold them (a customer's name, a caller's city
 * or postcode); free text is not searched for names.
 */
export type PiiKind = 'id_card' | 'bank_card' | 'mobile' | 'landline' | 'email' | 'name' | 'location';

export const PII_KINDS: readonly PiiKind[] = ['id_card', 'bank_card', 'mobile', 'landline', 'email', 'name', 'location'];

/** The kinds of personal data intake masks. An event records kinds and counts, never the values. */
export type PiiKind = 'id_card' | 'bank_card' | 'mobile' | 'landline' | 'email';

export const PII_KINDS: readonly PiiKind[] = ['id_card', 'bank_card', 'mobile', 'landline', 'email'];

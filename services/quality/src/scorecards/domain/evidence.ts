/** One itemised etiquette deduction of a `contact.scored`. */
export interface DeductionEvidence {
  rule: string;
  standardId: string;
  version: string;
  clause: string;
}

/** What an event says that may earn points; `eventId` and `at` are the event's. */
export type Evidence =
  | { kind: 'etiquette'; eventId: string; eventType: 'contact.scored'; at: Date; contactId: string; deductions: readonly DeductionEvidence[] }
  | {
      kind: 'breach';
      eventId: string;
      eventType: 'sla.breached';
      at: Date;
      subjectType: string;
      subjectId: string;
      slaKind: string;
      standardId: string;
      standardVersion: string;
      clause: string | null;
      late: boolean;
      causedByOutage: boolean;
    }
  | { kind: 'survey'; eventId: string; eventType: 'survey.completed'; at: Date; score: number; subject: { type: 'contact' | 'case'; id: string } };

/** Who the points count for; no agent: nobody is penalised or rewarded (the entry says so). */
export interface Attribution {
  agentId: string | null;
  team: string | null;
}

/** The key later evidence about the same thing finds an entry by: a re-score, a redone survey, a withdrawal. */
export function subjectKeyOf(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'etiquette':
      return `contact:${evidence.contactId}:etiquette`;
    case 'breach':
      return breachSubjectKey(evidence);
    case 'survey':
      return `${evidence.subject.type}:${evidence.subject.id}:survey`;
  }
}

export function breachSubjectKey({ subjectType, subjectId, slaKind }: { subjectType: string; subjectId: string; slaKind: string }): string {
  return `sla:${subjectType}:${subjectId}:${slaKind}`;
}

/** Every subject key a contact's evidence is kept under: its score, its survey, each of its deadlines. */
export function contactSubjectKeys(contactId: string, slaKinds: readonly string[]): string[] {
  return [`contact:${contactId}:etiquette`, `contact:${contactId}:survey`, ...slaKinds.map((slaKind) => breachSubjectKey({ subjectType: 'contact', subjectId: contactId, slaKind }))];
}

/** The contact a key of `contactSubjectKeys` is about. */
export function contactIdOfKey(subjectKey: string): string {
  const [head, ...rest] = subjectKey.split(':');
  // `contact:<id>:<what>` or `sla:contact:<id>:<slaKind>`; an id may itself hold colons.
  return head === 'sla' ? rest.slice(1, -1).join(':') : rest.slice(0, -1).join(':');
}

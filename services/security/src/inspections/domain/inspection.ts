import type { Detection } from '../../incidents/domain/detection-rules';

/** Who carries an inspection out (MANUAL ch. 7.4). */
export const INSPECTION_OWNER_ROLES = ['security', 'supervisor', 'admin'] as const;
export type InspectionOwnerRole = (typeof INSPECTION_OWNER_ROLES)[number];

/** A scheduled checklist: every `every` (an ISO 8601 duration) from `firstDueAt`. */
export interface InspectionDefinition {
  title: string;
  checklist: readonly string[];
  every: string;
  firstDueAt: Date;
  ownerRole: InspectionOwnerRole;
}

export interface Finding {
  item: string;
  ok: boolean;
  note?: string;
}

/**
 * Hotline's built-in inspection (a **default**, MANUAL ch. 7.4): the weekly access review of who
 * holds which API keys and roles. `PUT /v1/inspections/access-review` with only `firstDueAt` takes it.
 */
export const BUILT_IN_INSPECTIONS: Readonly<Record<string, Omit<InspectionDefinition, 'firstDueAt'>>> = {
  'access-review': {
    title: 'Weekly access review: who holds which API keys and roles',
    checklist: [
      'Every active API key has a known owner and only the scopes it needs',
      'API keys unused for 90 days are revoked',
      'Every user holding admin, supervisor or security still needs the role',
      'Nobody who left keeps a key or a role',
    ],
    every: 'P7D',
    ownerRole: 'security',
  },
};

/**
 * The due date after a result recorded at `now` for the one due at `dueAt`: the next date of the
 * schedule after now, so a late inspection keeps its cadence instead of piling up missed dates.
 */
export function nextDueAfter(dueAt: Date, everyMs: number, now: Date): Date {
  const periods = Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / everyMs) + 1);
  return new Date(dueAt.getTime() + periods * everyMs);
}

/** What is wrong with findings for this checklist: items not on it, items repeated, items left out. */
export function findingsIssues(checklist: readonly string[], findings: readonly Finding[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  findings.forEach(({ item }, i) => {
    if (!checklist.includes(item)) issues.push({ path: `findings.${i}.item`, message: `'${item}' is not on the inspection's checklist` });
    else if (seen.has(item)) issues.push({ path: `findings.${i}.item`, message: `'${item}' has a finding already` });
    seen.add(item);
  });
  const missing = checklist.filter((item) => !seen.has(item));
  if (missing.length > 0) issues.push({ path: 'findings', message: `Every checklist item needs a finding; missing: ${missing.map((item) => `'${item}'`).join(', ')}` });
  return issues;
}

/**
 * (e) An inspection not done by its due date: one incident per inspection and due date (a timer
 * fires at least once, so a repeat joins it).
 */
export function inspectionOverdue(inspectionId: string, title: string, dueAt: Date, ownerRole: InspectionOwnerRole): Detection {
  return {
    type: 'inspection_overdue',
    severity: 'P3',
    dedupKey: `inspection_overdue:${inspectionId}:${dueAt.toISOString()}`,
    windowMinutes: 366 * 24 * 60,
    summary: `Inspection '${title}' was due ${dueAt.toISOString()} and has no results`,
    detail: { inspectionId, dueAt: dueAt.toISOString(), ownerRole },
  };
}

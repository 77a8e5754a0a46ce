import type { KnownCloudEvent } from '@hotline/contracts';
import type { CaseOpening } from './service-case';

/**
 * The case each opening event opens. A fault and a complaint carry no case id of their own, so
 * theirs is derived from the platform's id (`fault:<faultId>`, `complaint:<complaintId>`): the same
 * fault reported again, under any event id, is the same case and never opens a second one.
 */
export type OpeningEvent = KnownCloudEvent<'case.opened'> | KnownCloudEvent<'fault.reported'> | KnownCloudEvent<'complaint.filed'>;

/** The manual's grades: a critical fault is the most urgent (P1). */
const FAULT_PRIORITY = { critical: 'P1', major: 'P2', minor: 'P3' } as const;

/** Complaints carry no grade of their own; P3 until routing rules say otherwise. */
export const COMPLAINT_PRIORITY = 'P3';

export const faultCaseId = (faultId: string): string => `fault:${faultId}`;
export const complaintCaseId = (complaintId: string): string => `complaint:${complaintId}`;

export function caseOpeningOf(event: OpeningEvent): CaseOpening {
  const common = { tenantId: event.tenantid, openedAt: new Date(event.time) };
  switch (event.type) {
    case 'case.opened': {
      const { caseId, type, priority, summary, region, customerId, contactId } = event.data;
      return { ...common, caseId, type, priority, summary, category: null, region: region ?? null, customerId: customerId ?? null, contactId: contactId ?? null };
    }
    case 'fault.reported': {
      const { faultId, kind, severity, region, description } = event.data;
      return {
        ...common,
        caseId: faultCaseId(faultId),
        type: kind === 'network' ? 'network_fault' : 'equipment_fault',
        priority: FAULT_PRIORITY[severity],
        summary: description,
        category: null,
        region,
        customerId: null,
        contactId: null,
      };
    }
    case 'complaint.filed': {
      const { complaintId, category, description, customerId, contactId } = event.data;
      return {
        ...common,
        caseId: complaintCaseId(complaintId),
        type: 'complaint',
        priority: COMPLAINT_PRIORITY,
        summary: description,
        category,
        region: null,
        customerId: customerId ?? null,
        contactId: contactId ?? null,
      };
    }
  }
}

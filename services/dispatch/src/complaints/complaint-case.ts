import { complaintCaseId } from '../cases/domain/case-opening';
import type { ServiceCase } from '../cases/domain/service-case';

/**
 * A complaint is the case `complaint.filed` opened: `complaint:<complaintId>`, of type complaint
 * (cases/domain/case-opening.ts). A `case.opened` of type complaint is worked as a case only.
 */
export const COMPLAINT_CASE_PREFIX = complaintCaseId('');

export { complaintCaseId };

export function isComplaintCase(kase: ServiceCase | undefined): kase is ServiceCase {
  return kase !== undefined && kase.snapshot.type === 'complaint' && kase.caseId.startsWith(COMPLAINT_CASE_PREFIX);
}

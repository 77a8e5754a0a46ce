import type { Detection } from '../../incidents/domain/detection-rules';
import type { Severity } from '../../incidents/domain/incident-state';

interface Report {
  kind: string;
  severity: Severity;
  actor?: string;
}

/** Repeats of one report within this window join its incident. */
export const REPORT_WINDOW_MINUTES = 24 * 60;

/**
 * (d) A platform reported a security concern (`security.reported`): an incident of the kind and
 * severity it reported, one per platform, kind and actor. Its description stays with the event (in
 * the audit trail): it may describe personal data.
 */
export function platformReport(reportedBy: string, { kind, severity, actor }: Report): Detection {
  return {
    type: 'platform_reported',
    severity,
    dedupKey: `platform_reported:${reportedBy}:${kind}:${actor ?? ''}`,
    windowMinutes: REPORT_WINDOW_MINUTES,
    summary: `${reportedBy} reported ${kind}${actor ? ` by ${actor}` : ''}`,
    detail: { reportedBy, kind, ...(actor ? { actor } : {}), severity },
  };
}

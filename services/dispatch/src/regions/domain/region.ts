import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import type { CaseActor } from '../../cases/domain/service-case';

/**
 * A tenant's region as its cases name it, and whether it is rural: a fault there is repaired
 * within 72 h instead of the towns' 48 h (《电信条例》). A region nobody named rural is a town's,
 * the stricter figure, so forgetting a region never loosens a deadline.
 */
export interface RegionSetting {
  tenantId: string;
  region: string;
  rural: boolean;
  updatedAt: Date;
}

/** How regions are matched: platforms differ in case and spacing ("Tongzhou ", "tongzhou"), never in meaning. */
export function regionKey(region: string): string {
  return region.trim().toLowerCase();
}

/** The rural regions among a case's (the set `policiesForCase` takes): its region if the tenant named it rural. */
export function ruralRegionsOf(caseRegion: string | undefined, rural: (key: string) => boolean): ReadonlySet<string> {
  return caseRegion !== undefined && rural(regionKey(caseRegion)) ? new Set([caseRegion]) : new Set();
}

/** `audit.recorded` for a region's setting (DESIGN decision 13); `before` is absent for a region named the first time. */
export function regionAudit(setting: RegionSetting, before: RegionSetting | undefined, actor: CaseActor, correlationId?: string): CloudEvent {
  const { tenantId, region, rural, updatedAt } = setting;
  return auditRecordedEvent({
    service: 'dispatch',
    tenantId,
    correlationId,
    time: updatedAt,
    actor,
    action: 'region.put',
    subject: { type: 'region', id: regionKey(region) },
    before: before && { rural: before.rural },
    after: { rural },
    summary: `region ${region} ${rural ? 'rural' : 'town'}`,
  });
}

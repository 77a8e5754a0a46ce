import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { TenantStandards } from '@hotline/tenant-standards';
import { bruteForce, type Detection, DETECTION_THRESHOLDS, denialSource, piiSpokenByAgent } from '../domain/detection-rules';
import type { IncidentSnapshot } from '../domain/incident';
import { openedEvent } from '../domain/incident-events';
import { IncidentsRepository } from '../incidents.repository';
import { PlanInForce } from './plan-in-force';
import { ScheduleIncidentSteps } from './schedule-incident-steps';

/**
 * Runs the detection rules on what the `security.detection` queue delivers and opens an incident
 * (with `incident.opened` through the outbox) or, for a key already open within the rule's window,
 * adds the detection to that incident's timeline. All in the consumer's transaction.
 */
@Injectable()
export class DetectIncidents {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly outbox: Outbox,
    private readonly scheduleSteps: ScheduleIncidentSteps,
    private readonly standards: TenantStandards,
    private readonly planInForce: PlanInForce,
  ) {}

  async onTranscript(manager: EntityManager, event: KnownCloudEvent<'transcript.recorded'>): Promise<void> {
    const detection = piiSpokenByAgent(event.data);
    if (detection) await this.record(manager, event, detection);
  }

  async onAccessDenied(manager: EntityManager, event: KnownCloudEvent<'access.denied'>): Promise<void> {
    const tenantId = event.tenantid;
    const source = denialSource(event.data);
    const at = timeOf(event);
    // Taken before counting, so concurrent denials of one source are summed one after the other.
    await this.incidents.lockDedupKey(manager, tenantId, `brute_force:${source}`);
    const seen = { tenantId, eventSource: event.source, eventId: event.id, denialSource: source, attempts: event.data.attempts, at };
    if (!(await this.incidents.recordDenial(manager, seen))) return;
    const standard = (await this.standards.resolve(tenantId, at)).standard('brute-force-attempts');
    const windowStart = new Date(at.getTime() - standard.windowSeconds * 1000);
    const detection = bruteForce(source, await this.incidents.attemptsBetween(manager, tenantId, source, windowStart, at), standard);
    if (detection) await this.record(manager, event, detection);
  }

  /** Opens the detection's incident or adds it to the open one; `event` is what it came from (an event, or an inspection's timer). */
  async record(manager: EntityManager, event: DetectionCause, detection: Detection): Promise<void> {
    const tenantId = event.tenantid;
    const at = timeOf(event);
    const cause = { eventId: event.id, eventType: event.type, thresholdsVersion: DETECTION_THRESHOLDS.version, ...detection.standard, ...detection.detail };
    await this.incidents.lockDedupKey(manager, tenantId, detection.dedupKey);
    const latest = await this.incidents.latestByDedupKey(manager, tenantId, detection.dedupKey);
    if (latest?.absorbs(detection.windowMinutes, at)) {
      await this.incidents.absorb(manager, tenantId, latest.snapshot.id, at);
      await this.incidents.appendTimeline(manager, tenantId, latest.snapshot.id, { at, kind: 'detected_again', detail: cause });
      return;
    }
    // The tenant's latest version of the plan, else the built-in one; the incident keeps it.
    const plan = await this.planInForce.execute(manager, tenantId, detection.type);
    const incident: IncidentSnapshot = {
      tenantId,
      id: randomUUID(),
      type: detection.type,
      severity: detection.severity,
      state: 'open',
      summary: detection.summary,
      dedupKey: detection.dedupKey,
      // The plan's deadlines run from when security opened it; the dedup window from the event's time.
      openedAt: new Date(),
      lastDetectedAt: at,
      detections: 1,
      review: null,
      escalationLevel: 0,
      plan: { id: plan.id, version: plan.version },
    };
    await this.incidents.insert(manager, incident);
    await this.scheduleSteps.execute(manager, incident, plan);
    await this.incidents.appendTimeline(manager, tenantId, incident.id, { at: incident.openedAt, kind: 'opened', detail: cause });
    await this.outbox.add(manager, [openedEvent(incident, plan, CorrelationContext.current()?.correlationId ?? event.correlationid)]);
  }
}

/** What a detection came from: the envelope fields the timeline and `incident.opened` keep. */
export interface DetectionCause {
  tenantid: string;
  id: string;
  type: string;
  time?: string;
  correlationid?: string;
}

/** When the event happened (the envelope's time), or now if it carries none that parses. */
function timeOf(event: DetectionCause): Date {
  const at = new Date(event.time ?? Number.NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

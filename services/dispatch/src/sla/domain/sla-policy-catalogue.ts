import { isFloor, type DeadlineStandardId, type ResolvedStandards } from '@hotline/standards';
import { DEFAULT_WARN_POINTS, defineSlaPolicy, type ClockTransition, type SlaKind, type SlaPolicy, type SlaStandardRef } from './sla-policy';
import type { SlaSignal } from './sla-signal';

/** The deadlines MANUAL.md and the regulation under it set on contacts, cases and complaints. */
export const SLA_POLICY_IDS = [
  'answer',
  'network-fault-response',
  'equipment-fault-response',
  'fault-repair-town',
  'fault-repair-rural',
  'record-completion',
  'follow-up-call',
  'complaint-acknowledgement',
  'complaint-resolution',
] as const;
export type SlaPolicyId = (typeof SLA_POLICY_IDS)[number];

export type SlaPolicyCatalogue = Readonly<Record<SlaPolicyId, SlaPolicy>>;

type Signals = Partial<Record<ClockTransition, readonly SlaSignal[]>>;

interface PolicyShape {
  title: string;
  slaKind: SlaKind;
  standardId: DeadlineStandardId;
  on: Signals;
}

/** Restarted from zero when a case is reopened (issue 10: reset on reopen). */
const restartOnReopen: Signals = { reset: ['reopened'] };
const waitsOnCustomer: Signals = { pause: ['waiting_on_customer'], resume: ['customer_replied'] };

const shapes: Record<SlaPolicyId, PolicyShape> = {
  answer: {
    title: 'Answer a waiting customer (ch. 2.1)',
    slaKind: 'answer',
    standardId: 'answer-time',
    on: { start: ['queued'], stop: ['answered', 'abandoned', 'exited'] },
  },
  'network-fault-response': {
    title: 'Respond to a network fault (ch. 2.2)',
    slaKind: 'response',
    standardId: 'network-fault-response',
    on: { start: ['opened', 'reopened'], stop: ['stage:handling', 'resolved', 'cancelled'], ...restartOnReopen },
  },
  'equipment-fault-response': {
    title: 'Respond to an equipment fault (ch. 4.3)',
    slaKind: 'response',
    standardId: 'equipment-fault-response',
    on: { start: ['opened', 'reopened'], stop: ['stage:handling', 'resolved', 'cancelled'], ...restartOnReopen },
  },
  'fault-repair-town': {
    title: 'Repair a fault in a town (《电信条例》)',
    slaKind: 'repair',
    standardId: 'fault-repair-town',
    on: { start: ['opened', 'reopened'], stop: ['resolved', 'cancelled'], ...waitsOnCustomer, ...restartOnReopen },
  },
  'fault-repair-rural': {
    title: 'Repair a fault in a rural area (《电信条例》)',
    slaKind: 'repair',
    standardId: 'fault-repair-rural',
    on: { start: ['opened', 'reopened'], stop: ['resolved', 'cancelled'], ...waitsOnCustomer, ...restartOnReopen },
  },
  'record-completion': {
    title: 'Complete the record after handling (先处理后记录, ch. 2.2)',
    slaKind: 'record',
    standardId: 'record-completion',
    // Handling may begin before the record is complete; from then the missing record is due.
    // A record completed before handling starts stops the clock before it ever runs.
    on: { start: ['stage:handling'], stop: ['record_completed', 'cancelled'] },
  },
  'follow-up-call': {
    title: 'Return call after resolution (回访, ch. 2.2)',
    slaKind: 'follow_up',
    standardId: 'follow-up-call',
    // A reopened case is no longer resolved: its follow-up waits for the next resolution.
    on: { start: ['resolved'], stop: ['follow_up_completed', 'stage:evaluation', 'cancelled'], reset: ['reopened'] },
  },
  'complaint-acknowledgement': {
    title: 'Acknowledge a complaint (ch. 6.1)',
    slaKind: 'response',
    standardId: 'complaint-acknowledgement',
    on: { start: ['opened'], stop: ['complaint_acknowledged', 'stage:handling', 'resolved', 'cancelled'] },
  },
  'complaint-resolution': {
    title: 'Reply to a complaint within the 15-day floor (《电信用户申诉处理办法》 Art. 10)',
    slaKind: 'complaint_reply',
    standardId: 'complaint-reply',
    on: { start: ['opened', 'reopened'], stop: ['resolved', 'cancelled'], ...waitsOnCustomer, ...restartOnReopen },
  },
};

/**
 * The policies with the durations of the standards in force for a tenant at an instant. Every
 * policy counts on the 24/7 calendar, as the standards' wall-clock seconds do; a tenant may move a
 * policy to business hours (`tailorSlaPolicy`). A policy whose standard is a floor (a regulation's
 * or the manual's own figure) gets that figure as its wall-clock ceiling, so neither business hours
 * nor pauses can loosen it.
 */
export function slaPolicyCatalogue(standards: ResolvedStandards): SlaPolicyCatalogue {
  const entries = SLA_POLICY_IDS.map((id): [SlaPolicyId, SlaPolicy] => {
    const shape = shapes[id];
    const standard = standards.standard(shape.standardId);
    const floor = standard.derivedFrom ?? standard;
    return [
      id,
      defineSlaPolicy({
        id,
        title: shape.title,
        slaKind: shape.slaKind,
        standard: { standardId: standard.standardId, version: standard.standardVersion, clause: standard.chapter },
        budgetMs: standard.seconds * 1000,
        ...(isFloor(standard) && { ceiling: { ms: floor.seconds * 1000, standard: floorRef(standards, floor.id, floor.chapter) } }),
        calendar: 'always',
        warnPoints: DEFAULT_WARN_POINTS,
        on: { start: [], pause: [], resume: [], stop: [], reset: [], ...shape.on },
      }),
    ];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<SlaPolicyId, SlaPolicy>);
}

/** The floor is the base set's figure, so it records the base version ('1', not 'acme:3@1'). */
function floorRef(standards: ResolvedStandards, standardId: string, clause: string): SlaStandardRef {
  return { standardId, version: standards.set.tenant?.baseVersion ?? standards.version, clause };
}

/** The case facts that choose a case's policies. */
export interface CaseForPolicies {
  type: 'consultation' | 'service_request' | 'billing' | 'complaint' | 'network_fault' | 'equipment_fault';
  region?: string;
}

/**
 * Which clocks a case runs. A network fault is repaired within 48 h in towns and 72 h in rural
 * areas: `ruralRegions` names the tenant's rural regions, and a case with no or an unknown region is
 * held to the town's stricter figure.
 */
export function policiesForCase(catalogue: SlaPolicyCatalogue, kase: CaseForPolicies, ruralRegions: ReadonlySet<string> = new Set()): SlaPolicy[] {
  const afterHandling = [catalogue['record-completion'], catalogue['follow-up-call']];
  switch (kase.type) {
    case 'network_fault': {
      const rural = kase.region !== undefined && ruralRegions.has(kase.region);
      return [catalogue['network-fault-response'], catalogue[rural ? 'fault-repair-rural' : 'fault-repair-town'], ...afterHandling];
    }
    case 'equipment_fault':
      // Agent tools, CTI, network elements (ch. 4.3): staff report them, no customer awaits a call back.
      return [catalogue['equipment-fault-response'], catalogue['record-completion']];
    case 'complaint':
      return [catalogue['complaint-acknowledgement'], catalogue['complaint-resolution'], ...afterHandling];
    default:
      return afterHandling;
  }
}

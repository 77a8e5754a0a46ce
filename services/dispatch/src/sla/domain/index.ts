// Dispatch's SLA clocks as plain TypeScript (issue 10 part 3): one clock model for the 30-second
// answer and the 15-day complaint. case-clocks/ wires it to cases: it persists each clock's inputs,
// sets a durable timer at `dueAt()` / `warnAt(point)`, publishes `verdictChanges`, and shows
// `slaTimeline` on `GET /v1/cases/:caseId/timeline`.

export { SLA_SIGNALS, isSlaSignal, type SlaSignal } from './sla-signal';
export {
  CLOCK_TRANSITIONS,
  DEFAULT_WARN_POINTS,
  InvalidSlaPolicyError,
  SLA_PRIORITIES,
  budgetFor,
  defineSlaPolicy,
  tailorSlaPolicy,
  transitionsFor,
  type ClockTransition,
  type PolicyIssue,
  type PolicyTailoring,
  type SlaKind,
  type SlaPolicy,
  type SlaPriority,
  type SlaStandardRef,
} from './sla-policy';
export { SLA_POLICY_IDS, policiesForCase, slaPolicyCatalogue, type CaseForPolicies, type SlaPolicyCatalogue, type SlaPolicyId } from './sla-policy-catalogue';
export {
  ALWAYS_OPEN,
  BusinessCalendar,
  InvalidBusinessCalendarError,
  WEEKDAYS,
  type BusinessCalendarDefinition,
  type CalendarIssue,
  type Weekday,
  type WorkingHours,
  type WorkingTime,
} from './business-calendar';
export { SlaClock, type ClockChange, type ClockHistoryEntry, type ClockInput, type ClockInstant, type ClockStatus, type SlaClockOptions } from './sla-clock';
export { slaVerdicts, verdictChanges, type SlaVerdict, type SlaVerdictKind, type VerdictChanges } from './sla-verdicts';
export { formatMs, slaTimeline, type SlaTimelineEntry } from './sla-timeline';

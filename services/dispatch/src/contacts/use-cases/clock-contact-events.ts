import { Inject, Injectable } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import type { EventBatchTransaction } from '@hotline/messaging';
import { TenantStandards } from '@hotline/tenant-standards';
import type { Clock } from '@hotline/timers';
import { AnswerWarnPoints } from '../../calendars/answer-warn-points';
import { ClockEffects, type TimedOutcome } from '../clock-effects';
import { ContactClocksRepository, type ContactRef, contactKey } from '../contact-clocks.repository';
import { type AnswerClock, type AnswerStandard, type ClockOutcome, queue, stop, stopKindOf } from '../domain/answer-clock';
import { WALL_CLOCK } from '../wall-clock';

type ContactEvent = KnownCloudEvent<EventTypesMatching<'contact.*'>>;

/** What a queued contact's clock starts from: the answer standard in force and the tenant's warn points. */
interface QueuedWith {
  standard: AnswerStandard;
  warnPoints: readonly number[];
}

/**
 * Applies a batch of contact events to their answer clocks, in the batch's transaction and in
 * delivery order: `contact.queued` starts a clock from the answer standard in force at the event's
 * time, and the tenant's warn points (none unless it opted in: read from a cache, no statement of
 * their own); answered, abandoned, transferred and ended stop it. Whatever the batch's size, that is one
 * statement locking (or creating) all its clocks, one saving those that changed, one setting
 * timers and one cancelling them. Redelivery never reaches here twice (the inbox), and a different
 * event repeating a fact changes nothing (the rules).
 */
@Injectable()
export class ClockContactEvents {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly standards: TenantStandards,
    private readonly effects: ClockEffects,
    private readonly warnPoints: AnswerWarnPoints,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(tx: EventBatchTransaction, batch: readonly ContactEvent[]): Promise<void> {
    // `contact.*` also carries what other services say of a contact (quality's `contact.scored`): no clock of theirs.
    const events = batch.filter((event) => event.type === 'contact.queued' || stopKindOf(event.type) !== undefined);
    if (events.length === 0) return;
    const now = this.clock.now();
    const refs = events.map((event): ContactRef => ({ tenantId: event.tenantid, contactId: event.data.contactId }));
    // Every queued contact's standard up front and together: tenants whose cached standards expired
    // are read side by side (one read each, shared), not one after another inside the transaction.
    const queued = events.filter((event) => event.type === 'contact.queued');
    const [resolved, warnPoints] = await Promise.all([
      Promise.all(queued.map((event) => this.answerStandard(event.tenantid, new Date(event.time)))),
      Promise.all(queued.map((event) => this.warnPoints.of(event.tenantid))),
    ]);
    const standards = new Map<ContactEvent, QueuedWith>(queued.map((event, index) => [event, { standard: resolved[index], warnPoints: warnPoints[index] }]));
    const clocks = await this.clocks.lockOrCreateMany(tx.manager, refs);
    const changed = new Map<string, AnswerClock>();
    const outcomes: (TimedOutcome & { cause: ContactEvent })[] = [];
    for (const [index, event] of events.entries()) {
      const key = contactKey(refs[index]);
      const outcome = this.outcomeOf(event, clocks.get(key) as AnswerClock, now, standards);
      if (!outcome?.changed) continue;
      // A later event of the same contact in this batch sees this one's result.
      clocks.set(key, outcome.clock);
      changed.set(key, outcome.clock);
      outcomes.push({ outcome, correlation: { correlationId: event.correlationid ?? event.id, causationId: event.id }, cause: event });
    }
    await this.clocks.saveMany(tx.manager, [...changed.values()]);
    const verdicts = await this.effects.applyMany(tx.manager, outcomes);
    for (const [index, { cause }] of outcomes.entries()) {
      for (const verdict of verdicts[index]) tx.publish(cause, verdict);
    }
  }

  private outcomeOf(event: ContactEvent, existing: AnswerClock, now: Date, standards: ReadonlyMap<ContactEvent, QueuedWith>): ClockOutcome | undefined {
    const at = new Date(event.time);
    const ids = { tenantId: event.tenantid, contactId: event.data.contactId };
    if (event.type === 'contact.queued') return queue(existing, { ...ids, at, ...(standards.get(event) as QueuedWith) }, now);
    const kind = stopKindOf(event.type);
    return kind ? stop(existing, { ...ids, kind, at }, now) : undefined;
  }

  private async answerStandard(tenantId: string, at: Date): Promise<AnswerStandard> {
    const { seconds, chapter, standardId, standardVersion } = (await this.standards.resolve(tenantId, at)).standard('answer-time');
    return { seconds, clause: chapter, standardId, standardVersion };
  }
}

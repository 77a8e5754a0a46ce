import { Inject, Injectable } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import type { EventTransaction } from '@hotline/messaging';
import { TenantStandards } from '@hotline/tenant-standards';
import type { Clock } from '@hotline/timers';
import { ClockEffects } from '../clock-effects';
import { ContactClocksRepository } from '../contact-clocks.repository';
import { type AnswerStandard, type ClockOutcome, queue, stop, stopKindOf } from '../domain/answer-clock';
import { WALL_CLOCK } from '../wall-clock';

type ContactEvent = KnownCloudEvent<EventTypesMatching<'contact.*'>>;

/**
 * Applies a contact event to its answer clock, in the consumer's transaction: `contact.queued`
 * starts it from the answer standard in force at the event's time; answered, abandoned,
 * transferred and ended stop it. Redelivery never reaches here twice (the inbox), and a different
 * event repeating a fact changes nothing (the rules).
 */
@Injectable()
export class ClockContactEvent {
  constructor(
    private readonly clocks: ContactClocksRepository,
    private readonly standards: TenantStandards,
    private readonly effects: ClockEffects,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(tx: EventTransaction, event: ContactEvent): Promise<void> {
    const now = this.clock.now();
    const at = new Date(event.time);
    const ids = { tenantId: event.tenantid, contactId: event.data.contactId };
    if (event.type === 'contact.queued') {
      const fact = { ...ids, at, standard: await this.answerStandard(event.tenantid, at) };
      // Nearly always the contact's first event: one insert, no read.
      const fresh = queue(undefined, fact, now);
      if (await this.clocks.insertNew(tx.manager, fresh.clock)) return this.carryOut(tx, event, fresh);
      return this.update(tx, event, queue(await this.clocks.lockOrCreate(tx.manager, ids.tenantId, ids.contactId), fact, now));
    }
    const kind = stopKindOf(event.type);
    if (!kind) return;
    const existing = await this.clocks.lockOrCreate(tx.manager, ids.tenantId, ids.contactId);
    await this.update(tx, event, stop(existing, { ...ids, kind, at }, now));
  }

  private async update(tx: EventTransaction, event: ContactEvent, outcome: ClockOutcome): Promise<void> {
    if (!outcome.changed) return;
    await this.clocks.save(tx.manager, outcome.clock);
    await this.carryOut(tx, event, outcome);
  }

  private async carryOut(tx: EventTransaction, event: ContactEvent, outcome: ClockOutcome): Promise<void> {
    const correlation = { correlationId: event.correlationid ?? event.id, causationId: event.id };
    for (const verdict of await this.effects.apply(tx.manager, outcome, correlation)) tx.publish(verdict);
  }

  private async answerStandard(tenantId: string, at: Date): Promise<AnswerStandard> {
    const { seconds, chapter, standardId, standardVersion } = (await this.standards.resolve(tenantId, at)).standard('answer-time');
    return { seconds, clause: chapter, standardId, standardVersion };
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { ContactClocksRepository } from '../contact-clocks.repository';
import type { ContactSlaResponse } from '../contact-sla-response';
import { isBreached, stateOf, warnedPoints } from '../domain/answer-clock';

/** A contact's answer clock as the API shows it; 404 when the tenant has no such contact. */
@Injectable()
export class GetContactSla {
  constructor(private readonly clocks: ContactClocksRepository) {}

  async execute(tenantId: string, contactId: string): Promise<ContactSlaResponse> {
    const clock = await this.clocks.find(tenantId, contactId);
    if (!clock) throw new NotFoundException(`No contact ${contactId}`);
    const iso = (date: Date | null) => (date === null ? undefined : date.toISOString());
    return {
      contactId: clock.contactId,
      state: stateOf(clock),
      breached: isBreached(clock),
      late: clock.late,
      queuedAt: clock.queuedAt?.toISOString() ?? null,
      dueAt: clock.dueAt?.toISOString() ?? null,
      ...(clock.stoppedBy === 'answered' ? { answeredAt: iso(clock.stoppedAt) } : {}),
      ...(clock.stoppedAt ? { stoppedAt: iso(clock.stoppedAt) } : {}),
      standardId: clock.standard?.standardId ?? null,
      version: clock.standard?.standardVersion ?? null,
      clause: clock.standard?.clause ?? null,
      ...(clock.breachedAt ? { breachedAt: iso(clock.breachedAt) } : {}),
      ...(clock.withdrawnAt ? { withdrawnAt: iso(clock.withdrawnAt) } : {}),
      ...(clock.warnPoints.length > 0 ? { warnAt: [...clock.warnPoints], warned: warnedPoints(clock) } : {}),
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { AlertOutagesRepository } from '../alert-outages.repository';

/** Stages at which an outage's parent case has left the outage behind (resolved, or given up). */
const ENDED_STAGES = new Set(['follow_up', 'evaluation', 'closed', 'cancelled']);

/**
 * Which major outages are open, from dispatch's audit records (the only events that say so): an
 * `outage.declare` opens one in its region; its parent case (id = the outage id) moving on to
 * resolution ends it.
 */
@Injectable()
export class TrackOutages {
  constructor(private readonly outages: AlertOutagesRepository) {}

  async execute(manager: EntityManager, events: readonly KnownCloudEvent<'audit.recorded'>[]): Promise<void> {
    for (const event of events) {
      const { action, subject, after } = event.data;
      if (action === 'outage.declare' && subject.type === 'outage' && typeof after?.['region'] === 'string') {
        await this.outages.declared(manager, event.tenantid, subject.id, after['region']);
      } else if (action === 'case.transition' && subject.id.startsWith('outage:') && ENDED_STAGES.has(String(after?.['stage']))) {
        await this.outages.ended(manager, event.tenantid, subject.id);
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpeningEvent } from './domain/case-opening';
import type { CaseTransition, ServiceCase } from './domain/service-case';

/** What another capability (routing, outages) does when a case opens or moves, in the transaction of that change. */
export interface CaseLifecycleListener {
  caseOpened?(manager: EntityManager, event: OpeningEvent, kase: ServiceCase): Promise<void>;
  caseMoved?(manager: EntityManager, tenantId: string, transition: CaseTransition): Promise<void>;
}

/**
 * Where capabilities built on cases hear of openings and moves without the cases capability
 * knowing them: they register at init (as timer handlers do), so the modules depend one way only.
 * A listener that throws rolls the opening or the move back with it.
 */
@Injectable()
export class CaseLifecycle {
  private readonly listeners: CaseLifecycleListener[] = [];

  listen(listener: CaseLifecycleListener): void {
    this.listeners.push(listener);
  }

  async opened(manager: EntityManager, event: OpeningEvent, kase: ServiceCase): Promise<void> {
    for (const listener of this.listeners) await listener.caseOpened?.(manager, event, kase);
  }

  async moved(manager: EntityManager, tenantId: string, transition: CaseTransition): Promise<void> {
    for (const listener of this.listeners) await listener.caseMoved?.(manager, tenantId, transition);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ServiceCaseState } from './domain/service-case';

/** Assigns a newly opened case, in the transaction that opened it. */
export type CaseRouter = (manager: EntityManager, opened: Readonly<ServiceCaseState>) => Promise<void>;

/**
 * Where an opened case is handed to be assigned. Routing registers its router here at start:
 * routing depends on cases (their assignee, their signals), so cases cannot import routing.
 * Without a router a case is opened unassigned.
 */
@Injectable()
export class CaseRouting {
  private router: CaseRouter | undefined;

  register(router: CaseRouter): void {
    if (this.router) throw new Error('a case router is registered already');
    this.router = router;
  }

  async route(manager: EntityManager, opened: Readonly<ServiceCaseState>): Promise<void> {
    await this.router?.(manager, opened);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FiredTimer } from '@hotline/timers';
import type { ServiceCaseState } from '../../cases/domain/service-case';
import { ServiceCaseRepository } from '../../cases/service-case.repository';
import type { AcceptTimerPayload } from '../accept-timer';
import { AgentsRepository } from '../agents.repository';
import { AssignmentsRepository, type StoredAssignment } from '../assignments.repository';
import { lapse } from '../domain/case-assignment';
import { type Candidates, chooseAgent } from '../domain/least-loaded';
import { requirementFor } from '../domain/routing-rules';
import { RulesRepository } from '../rules.repository';
import { OfferCase } from './offer-case';

/** Who may be chosen now; `loads` is kept current as the transaction assigns. */
type Pool = Candidates & { loads: Map<string, number> };

/** How many waiting cases one newly available agent's transaction assigns at most; the rest wait for the next. */
const WAITING_BATCH = 100;

/**
 * Automatic routing: a newly opened case, the waiting cases when agents become available, and a
 * lapsed offer each go to the least-loaded eligible available agent (domain/least-loaded), or wait.
 */
@Injectable()
export class RouteCase {
  constructor(
    private readonly agents: AgentsRepository,
    private readonly rules: RulesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly cases: ServiceCaseRepository,
    private readonly offers: OfferCase,
  ) {}

  /** A case just opened: its requirement comes from the tenant's rules now; a re-sent opening changes nothing. */
  async opened(manager: EntityManager, kase: Readonly<ServiceCaseState>): Promise<void> {
    const { tenantId, caseId, type, category, priority, region, openedAt } = kase;
    const requirement = requirementFor((await this.rules.find(manager, tenantId)).rules, { type, category, priority, region });
    if (!(await this.assignments.insertIfAbsent(manager, { tenantId, caseId, requirement, priority, openedAt }))) return;
    const assignment: StoredAssignment = { tenantId, caseId, requirement, state: 'waiting', agentId: null, offeredAt: null, acceptedAt: null, lapsedBy: [] };
    await this.route(manager, assignment, await this.candidates(manager, tenantId));
  }

  /** Agents of the tenant became available: the waiting cases, most urgent and oldest first, go to whoever may take them. */
  async waiting(manager: EntityManager, tenantId: string): Promise<void> {
    const waiting = await this.assignments.lockWaiting(manager, tenantId, WAITING_BATCH);
    if (waiting.length === 0) return;
    const candidates = await this.candidates(manager, tenantId);
    for (const assignment of waiting) await this.route(manager, assignment, candidates);
  }

  /**
   * An accept timer fired: if the case is still offered to the agent it was set for and still
   * open, it goes to another eligible agent (never one who let it lapse), or waits.
   */
  async lapsed(manager: EntityManager, timer: FiredTimer): Promise<void> {
    const { agentId, correlationId } = timer.payload as Partial<AcceptTimerPayload>;
    if (agentId === undefined) return;
    const assignment = await this.assignments.lock(manager, timer.tenantId, timer.key, true);
    if (!assignment || !lapse(assignment, agentId)) return;
    const kase = await this.cases.find(manager, timer.tenantId, timer.key);
    if (!kase || kase.stage === 'closed' || kase.stage === 'cancelled') return;
    await this.route(manager, assignment, await this.candidates(manager, timer.tenantId), correlationId);
  }

  private async route(manager: EntityManager, assignment: StoredAssignment, candidates: Pool, correlationId?: string): Promise<void> {
    const chosen = chooseAgent(candidates, assignment.requirement, assignment.lapsedBy);
    if (chosen === undefined) return this.offers.wait(manager, assignment);
    await this.offers.offer(manager, assignment, chosen, correlationId);
    // The next case of the same transaction sees this one in the agent's load.
    candidates.loads.set(chosen, (candidates.loads.get(chosen) ?? 0) + 1);
  }

  /**
   * The tenant's pool, read under a lock on the tenant's routing until the transaction ends: two
   * replicas routing at once would otherwise both see the same agent as least loaded.
   */
  private async candidates(manager: EntityManager, tenantId: string): Promise<Pool> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dispatch.routing'), hashtext($1))`, [tenantId]);
    const agents = await this.agents.available(manager, tenantId);
    if (agents.length === 0) return { agents, teams: new Map(), loads: new Map() };
    const teams = await this.agents.teams(manager, tenantId);
    return { agents, teams, loads: await this.cases.openLoads(manager, tenantId, agents.map((a) => a.agentId)) };
  }
}

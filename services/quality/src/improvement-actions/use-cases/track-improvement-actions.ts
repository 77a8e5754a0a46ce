import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { type AuditActor, qualityAudit } from '../../audit-trail/quality-audit';
import { type ActionState, type ImprovementAction, openAction, transitionAction } from '../domain/improvement-action';
import { AlertsPort } from '../../alerts/alerts-port';
import { LedgerPort } from '../../scorecards/ledger-port';
import { type ActionFilters, ImprovementActionsRepository } from '../improvement-actions.repository';

/** The alert or ledger entry an action names is not the tenant's. */
export class UnknownActionSource extends Error {
  constructor(readonly source: ImprovementAction['source']) {
    super(`Your tenant has no ${source.kind} ${source.id}.`);
  }
}

/** Improvement actions (MANUAL 5.3): opened, moved and read; each change commits with its `audit.recorded`. */
@Injectable()
export class TrackImprovementActions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: ImprovementActionsRepository,
    private readonly outbox: Outbox,
    private readonly alerts: AlertsPort,
    private readonly ledger: LedgerPort,
  ) {}

  /** Throws UnknownActionSource when it names an alert or ledger entry the tenant does not have (a scorecard is named by agent and month, and is computed on reading). */
  open(tenantId: string, fields: Pick<ImprovementAction, 'title' | 'source' | 'owner' | 'dueAt'>, actor: AuditActor, at: Date): Promise<ImprovementAction> {
    return this.dataSource.transaction(async (manager) => {
      const { kind, id } = fields.source;
      const known = kind === 'alert' ? await this.alerts.exists(manager, tenantId, id) : kind === 'ledger-entry' ? await this.ledger.entryExists(manager, tenantId, id) : true;
      if (!known) throw new UnknownActionSource(fields.source);
      const action = openAction({ id: randomUUID(), tenantId, ...fields }, actor.id, at);
      await this.actions.insert(manager, action);
      await this.outbox.add(manager, [
        qualityAudit({
          tenantId,
          actor,
          action: 'improvement_action.open',
          subject: { type: 'improvement_action', id: action.id },
          after: { state: 'open', owner: action.owner, dueAt: action.dueAt.toISOString(), source: `${action.source.kind}:${action.source.id}` },
          summary: `improvement action opened from ${action.source.kind} ${action.source.id}`,
          at,
        }),
      ]);
      return action;
    });
  }

  /** Undefined for an unknown action (or, with `ownedBy`, one not theirs); throws IllegalActionTransition. */
  transition(tenantId: string, id: string, to: ActionState, note: string | null, actor: AuditActor, at: Date, ownedBy?: string): Promise<ImprovementAction | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const action = await this.actions.find(manager, tenantId, id, true);
      if (!action || (ownedBy !== undefined && action.owner !== ownedBy)) return undefined;
      const moved = transitionAction(action, to, actor.id, note, at);
      await this.actions.save(manager, moved);
      await this.outbox.add(manager, [
        qualityAudit({
          tenantId,
          actor,
          action: 'improvement_action.transition',
          subject: { type: 'improvement_action', id },
          before: { state: action.state },
          after: { state: to },
          summary: `improvement action ${action.state} → ${to}`,
          at,
        }),
      ]);
      return moved;
    });
  }

  find(tenantId: string, id: string): Promise<ImprovementAction | undefined> {
    return this.actions.find(this.dataSource.manager, tenantId, id);
  }

  list(tenantId: string, filters: ActionFilters): Promise<ImprovementAction[]> {
    return this.actions.list(this.dataSource.manager, tenantId, filters);
  }
}

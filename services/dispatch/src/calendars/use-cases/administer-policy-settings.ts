import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { TenantStandards } from '@hotline/tenant-standards';
import type { CaseActor } from '../../cases/domain/service-case';
import { slaPolicyCatalogue, type SlaPolicyId, type SlaPriority } from '../../sla/domain';
import { AnswerWarnPoints } from '../answer-warn-points';
import { CalendarsRepository } from '../calendars.repository';
import { CALENDARS_CLOCK, type CalendarsClock } from '../calendars-clock';
import { InvalidSetting } from '../domain/invalid-setting';
import { sameJson } from '../domain/same-json';
import { ANSWER_POLICY_ID, type PolicySetting, policySettingAudit, priorityBudgetIssues, warnPointIssues } from '../domain/policy-setting';

export interface PolicySettingCommand {
  calendarId: string | null;
  priorityBudgets: Partial<Record<SlaPriority, number>>;
  /** Null: Hotline's default warn points. */
  warnPoints: readonly number[] | null;
}

/**
 * Which calendar a tenant's SLA policy counts on, and its budgets by priority. Refused whole
 * (InvalidSetting) for a calendar the tenant does not have, a budget looser than the standard in
 * force now or warn points a clock cannot use. Applies to clocks created from then on.
 */
@Injectable()
export class AdministerPolicySettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarsRepository,
    private readonly standards: TenantStandards,
    private readonly outbox: Outbox,
    @Inject(CALENDARS_CLOCK) private readonly clock: CalendarsClock,
    private readonly answerWarnPoints: AnswerWarnPoints,
  ) {}

  async put(tenantId: string, policyId: SlaPolicyId, command: PolicySettingCommand, actor: CaseActor): Promise<PolicySetting> {
    const setting = await this.save(tenantId, policyId, command, actor);
    // Committed: this replica's answer clocks see it from the next contact (others within the cache's 5 s).
    if (policyId === ANSWER_POLICY_ID) this.answerWarnPoints.forget(tenantId);
    return setting;
  }

  private save(tenantId: string, policyId: SlaPolicyId, { calendarId, priorityBudgets, warnPoints }: PolicySettingCommand, actor: CaseActor): Promise<PolicySetting> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const policy = slaPolicyCatalogue(await this.standards.resolve(tenantId, now))[policyId];
      const issues = [...priorityBudgetIssues(policy, priorityBudgets), ...warnPointIssues(warnPoints)];
      // Locked so it cannot go between this check and the commit (the foreign key would refuse it with a 5xx).
      if (calendarId !== null && !(await this.calendars.findCalendar(manager, tenantId, calendarId, true))) {
        issues.unshift({ path: 'calendarId', message: `your tenant has no business calendar '${calendarId}' (PUT /v1/calendars/${calendarId} first)` });
      }
      if (issues.length > 0) throw new InvalidSetting('The SLA policy setting cannot be applied', issues);
      const before = await this.calendars.findSetting(manager, tenantId, policyId, true);
      if (before && before.calendarId === calendarId && sameJson(before.priorityBudgets, priorityBudgets) && sameJson(before.warnPoints, warnPoints)) return before;
      const setting: PolicySetting = { tenantId, policyId, calendarId, priorityBudgets, warnPoints, updatedAt: now };
      await this.calendars.saveSetting(manager, setting);
      await this.outbox.add(manager, [policySettingAudit(setting, before, actor, CorrelationContext.current()?.correlationId)]);
      return setting;
    });
  }

  list(tenantId: string, limit: number, afterId?: string): Promise<PolicySetting[]> {
    return this.calendars.settings(this.dataSource.manager, tenantId, limit, afterId);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClockTailoring } from '../case-clocks/domain/clock-tailoring';
import { SLA_PRIORITIES, type SlaPolicy, type SlaPriority } from '../sla/domain';
import { CalendarsRepository } from './calendars.repository';
import { budgetsByPriority } from './domain/policy-setting';
import { businessDefinition } from './domain/tenant-calendar';

/** What case clocks ask when they are created: how the tenant tailors each of their policies now. */
@Injectable()
export class ClockTailorings {
  constructor(private readonly calendars: CalendarsRepository) {}

  /** Each policy's tailoring for a case of `priority`, read in the caller's transaction. */
  async of(manager: EntityManager, tenantId: string, policies: readonly SlaPolicy[], priority: string | undefined): Promise<Map<string, ClockTailoring>> {
    const settings = await this.calendars.settingsWithCalendars(manager, tenantId, policies.map((policy) => policy.id));
    const casePriority = (SLA_PRIORITIES as readonly string[]).includes(priority ?? '') ? (priority as SlaPriority) : undefined;
    const tailorings = new Map<string, ClockTailoring>();
    for (const policy of policies) {
      const found = settings.find(({ setting }) => setting.policyId === policy.id);
      const budgets = found && Object.keys(found.setting.priorityBudgets).length > 0 ? budgetsByPriority(policy, found.setting.priorityBudgets) : undefined;
      tailorings.set(policy.id, {
        ...(casePriority && { priority: casePriority }),
        ...(found?.calendar && { calendarId: found.calendar.calendarId, calendar: businessDefinition(found.calendar.definition) }),
        ...(budgets && { budgetByPriority: budgets }),
        ...(found?.setting.warnPoints && { warnPoints: [...found.setting.warnPoints] }),
      });
    }
    return tailorings;
  }
}

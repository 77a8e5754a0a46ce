import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AgentEventsHandler } from './agent-events.handler';
import { AgentsController } from './agents.controller';
import { AssignmentController } from './assignment.controller';
import { AgentsRepository } from './agents.repository';
import { AssignmentsRepository } from './assignments.repository';
import { RoutingAdminController } from './routing-admin.controller';
import { RoutingRegistrations } from './routing-registrations';
import { routingSettingsProvider } from './routing-settings';
import { RulesRepository } from './rules.repository';
import { AdministerRouting } from './use-cases/administer-routing';
import { AnswerAssignment } from './use-cases/answer-assignment';
import { OfferCase } from './use-cases/offer-case';
import { ReadRouting } from './use-cases/read-routing';
import { RecordAgentStatuses } from './use-cases/record-agent-statuses';
import { RouteCase } from './use-cases/route-case';

/**
 * Routing (issue 10 part 4), laid out as every capability is: `domain/` (eligibility, rule
 * matching, the least-loaded choice), repositories, use cases, and the message and timer adapters.
 * Needs `TimersModule` (global) and the routing migration.
 */
@Module({
  imports: [CasesModule],
  controllers: [AgentsController, RoutingAdminController, AssignmentController, AgentEventsHandler],
  providers: [routingSettingsProvider, AgentsRepository, RulesRepository, AssignmentsRepository, OfferCase, RouteCase, RecordAgentStatuses, AdministerRouting, ReadRouting, AnswerAssignment, RoutingRegistrations],
})
export class RoutingModule {}

import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EscalationChainsController } from './escalation-chains.controller';
import { EscalationEffects } from './escalation-effects';
import { EscalationEventsHandler } from './escalation-events.handler';
import { EscalationStepTimer } from './escalation-step.timer';
import { EscalationController } from './escalation.controller';
import { EscalationRepository } from './escalation.repository';
import { EscalationTimeline } from './escalation-timeline';
import { AcknowledgeEscalation } from './use-cases/acknowledge-escalation';
import { EscalateCase } from './use-cases/escalate-case';
import { EscalateOnBreach } from './use-cases/escalate-on-breach';
import { EscalateOnTimeout } from './use-cases/escalate-on-timeout';
import { EscalationChains } from './use-cases/escalation-chains';
import { FindEscalation } from './use-cases/find-escalation';

/**
 * Escalation chains (issue 10 part 5): a case's breach, or a person, pages the next level of its
 * policy's chain (team lead → supervisor → duty manager), which climbs on durable timers until
 * acknowledged or the case settles. `domain/` holds the chains and the climb's rules.
 * Needs `TimersModule` (global), CasesModule's clock, and the escalations migration.
 */
@Module({
  imports: [CasesModule],
  controllers: [EscalationController, EscalationChainsController, EscalationEventsHandler],
  providers: [EscalationRepository, EscalationEffects, EscalationTimeline, EscalateOnBreach, EscalateOnTimeout, EscalateCase, AcknowledgeEscalation, FindEscalation, EscalationChains, EscalationStepTimer],
})
export class EscalationModule {}

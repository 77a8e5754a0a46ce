import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BrokerHealthIndicator } from './broker-health.indicator';
import { HealthController } from './health.controller';
import { OutboxHealthIndicator } from './outbox-health.indicator';
import { TimersHealthIndicator } from './timers-health.indicator';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [BrokerHealthIndicator, OutboxHealthIndicator, TimersHealthIndicator],
})
export class HealthModule {}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BrokerHealthIndicator } from './broker-health.indicator';
import { HealthController } from './health.controller';
import { OutboxHealthIndicator } from './outbox-health.indicator';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [BrokerHealthIndicator, OutboxHealthIndicator],
})
export class HealthModule {}

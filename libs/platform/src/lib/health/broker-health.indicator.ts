import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BROKER_CONNECTION, type BrokerConnectionStatus } from '@hotline/messaging';
import { findAppProvider } from '../bootstrap/find-app-provider';

/** Up iff the service's broker connection (BROKER_CONNECTION, provided by messaging) is connected. */
@Injectable()
export class BrokerHealthIndicator implements OnModuleInit {
  private broker?: BrokerConnectionStatus;

  constructor(
    private readonly healthIndicator: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.broker = findAppProvider(this.moduleRef, BROKER_CONNECTION);
  }

  isConnected(key: string) {
    const indicator = this.healthIndicator.check(key);
    if (!this.broker) return indicator.down({ message: 'no broker connection is provided' });
    return this.broker.isConnected() ? indicator.up() : indicator.down({ message: 'not connected' });
  }
}

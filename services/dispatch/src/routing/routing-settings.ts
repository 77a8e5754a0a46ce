import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** How long an agent has to accept an assigned case before it goes to another (default 2 minutes). */
export const ACCEPT_WITHIN_ENV = 'ROUTING_ACCEPT_WITHIN_SECONDS';
const DEFAULT_ACCEPT_WITHIN_SECONDS = 120;

export interface RoutingSettings {
  acceptWithinMs: number;
}

export const ROUTING_SETTINGS = Symbol('ROUTING_SETTINGS');

/** Refuses to start on a value that is not a positive number of seconds, rather than routing with a surprise. */
export function routingSettingsFrom(value: string | undefined): RoutingSettings {
  if (value === undefined || value.trim() === '') return { acceptWithinMs: DEFAULT_ACCEPT_WITHIN_SECONDS * 1000 };
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${ACCEPT_WITHIN_ENV} must be a positive number of seconds, got ${JSON.stringify(value)}`);
  return { acceptWithinMs: Math.round(seconds * 1000) };
}

export const routingSettingsProvider: Provider = {
  provide: ROUTING_SETTINGS,
  inject: [ConfigService],
  useFactory: (config: ConfigService): RoutingSettings => routingSettingsFrom(config.get<string>(ACCEPT_WITHIN_ENV)),
};

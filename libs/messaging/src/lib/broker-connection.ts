/** Injection token for the service's broker connection; health checks ask it whether it is up. */
export const BROKER_CONNECTION = Symbol('HOTLINE_BROKER_CONNECTION');

export interface BrokerConnectionStatus {
  isConnected(): boolean;
}

/** Injection token for where the broker is; the platform's config provides it. */
export const BROKER_SETTINGS = Symbol('HOTLINE_BROKER_SETTINGS');

export interface BrokerSettings {
  amqpUrl: string;
  /** Prefix for exchange and queue names (HOTLINE_NAMESPACE). */
  namespace?: string;
}

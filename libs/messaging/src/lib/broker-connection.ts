/** Injection token for the service's broker connection; health checks ask it whether it is up. */
export const BROKER_CONNECTION = Symbol('HOTLINE_BROKER_CONNECTION');

export interface BrokerConnectionStatus {
  isConnected(): boolean;
}

import {
  deadLetterQueueName,
  EVENTS_EXCHANGE,
  queueName,
  retryQueueName,
  type ServiceName,
  withNamespace,
} from '@hotline/contracts';

/**
 * The broker names one deployment uses. A namespace (HOTLINE_NAMESPACE) prefixes every exchange
 * and queue, so parallel test runs on one broker never see each other's messages.
 */
export class MessagingNames {
  constructor(readonly namespace?: string) {}

  get exchange(): string {
    return withNamespace(EVENTS_EXCHANGE, this.namespace);
  }

  queue(service: ServiceName, purpose: string): string {
    return withNamespace(queueName(service, purpose), this.namespace);
  }

  retryQueue(queue: string, delayMs: number): string {
    return retryQueueName(queue, delayMs);
  }

  deadLetterQueue(queue: string): string {
    return deadLetterQueueName(queue);
  }
}

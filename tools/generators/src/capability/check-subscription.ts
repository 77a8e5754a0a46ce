import { SUBSCRIPTIONS } from '@hotline/contracts';

/**
 * A handler's `@OnEvent(pattern, { queue })` must match an entry of the contracts' SUBSCRIPTIONS
 * (it will not compile, nor the transport start, otherwise), so the generator refuses early and
 * says which entry is missing.
 */
export function checkSubscription(service: string, event: string | undefined, queue: string | undefined): void {
  if (event === undefined && queue === undefined) return;
  if (event === undefined || queue === undefined) {
    throw new Error('--event and --queue go together: the event type or pattern, and the queue purpose it arrives on');
  }
  const entry = SUBSCRIPTIONS.find((subscription) => subscription.service === service && subscription.purpose === queue);
  const where = 'libs/contracts/src/lib/subscriptions.ts';
  if (!entry) {
    const purposes = SUBSCRIPTIONS.filter((subscription) => subscription.service === service).map((subscription) => subscription.purpose);
    throw new Error(
      `${service} has no queue ${service}.${queue} (it has: ${purposes.join(', ') || 'none'}). ` +
        `Add { service: '${service}', purpose: '${queue}', patterns: ['${event}'] } to SUBSCRIPTIONS in ${where} first.`,
    );
  }
  if (!(entry.patterns as readonly string[]).includes(event)) {
    throw new Error(
      `${service}.${queue} is bound to ${entry.patterns.map((pattern) => `'${pattern}'`).join(', ')}, not '${event}'. ` +
        `Use one of those, or add '${event}' to its patterns in ${where} first.`,
    );
  }
}

/** The durable timer (libs/timers) of an offered assignment: keyed by case, it lapses unless accepted first. */
export const ACCEPT_TIMER_KIND = 'routing.accept';

/** What the lapse needs when it fires: who the case was offered to, and the correlation to publish under. */
export interface AcceptTimerPayload {
  agentId: string;
  correlationId?: string;
}

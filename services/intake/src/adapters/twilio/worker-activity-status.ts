export type AgentStatus = 'available' | 'busy' | 'away' | 'offline';

/**
 * TaskRouter activities are named by each workspace (defaults: Offline, Available, Unavailable;
 * older ones Idle, Busy, Reserved; Flex adds Break, Lunch, Training…), so the status is read from
 * the name. Checked in this order, because "Unavailable" and "Not Available" contain "available".
 */
const RULES: ReadonlyArray<[RegExp, AgentStatus]> = [
  [/\b(offline|logged ?out|log ?out|signed ?out)\b/, 'offline'],
  [/\b(unavailable|not ?available|not ?ready|break|lunch|away|meeting|training|coaching|pause[d]?|personal|brb)\b/, 'away'],
  [/\b(busy|reserved|on ?call|talking|in ?call|wrap ?up|wrapping|after ?call ?work|acw)\b/, 'busy'],
  [/\b(available|idle|ready|online)\b/, 'available'],
];

/** The catalogue status for a TaskRouter activity name, or undefined for a name it cannot place. */
export function agentStatusOfActivity(activityName: string): AgentStatus | undefined {
  const name = activityName.toLowerCase().replace(/[_-]+/g, ' ').trim();
  return RULES.find(([pattern]) => pattern.test(name))?.[1];
}

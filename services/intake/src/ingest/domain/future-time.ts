/** How far ahead of intake's clock an event's `time` may be unless configured otherwise. */
export const DEFAULT_MAX_FUTURE_SKEW_SECONDS = 300;

/**
 * An event's `time` says when something happened at the platform, so it cannot lie in the future;
 * only clock skew between the platform and us may put it a little ahead. Beyond `maxSkewSeconds`
 * it is a wrong clock or a placeholder, and would skew every deadline and KPI computed from it
 * (DESIGN decision 12): the event is refused, naming `time`. Pure: `now` is passed in.
 */
export function futureTimeIssues(time: string, now: number, maxSkewSeconds: number): { path: string; message: string }[] {
  const at = Date.parse(time);
  if (Number.isNaN(at) || at - now <= maxSkewSeconds * 1000) return [];
  const ahead = Math.ceil((at - now) / 1000);
  return [
    {
      path: 'time',
      message:
        `${time} is ${ahead} s ahead of intake's clock (${new Date(now).toISOString()}); at most ${maxSkewSeconds} s of clock skew is ` +
        `accepted: an event's time is when it happened, so check the sender's clock`,
    },
  ];
}

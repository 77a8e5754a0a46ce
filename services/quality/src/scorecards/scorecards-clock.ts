/** Where the scorecards' routes take the time from; tests may provide another. */
export class ScorecardsClock {
  now(): Date {
    return new Date();
  }
}

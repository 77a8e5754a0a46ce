/** Where the improvement actions' routes take the time from (overdue, transitions); tests may provide another. */
export class ImprovementActionsClock {
  now(): Date {
    return new Date();
  }
}

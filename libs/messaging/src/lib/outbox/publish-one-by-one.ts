export interface OutboxRow<P = unknown> {
  id: string;
  payload: P;
}

export interface OneByOneOutcome {
  /** Rows the broker confirmed. */
  published: string[];
  /** Rows the broker refused while it was there: each failure is the row's own. */
  refused: { id: string; reason: string }[];
  /** Set when the broker went away (a timeout, a lost connection): the rest of the rows were not tried. */
  brokerAway?: Error;
}

/**
 * After a batch failed as a whole, publishes its rows one at a time to tell a row the broker
 * refuses from a broker that is away. A refusal is blamed on its row and the pass goes on, so the
 * rows behind it still go out; a timeout or a lost connection is blamed on the broker and stops
 * the pass, so an outage never counts against the rows.
 */
export async function publishOneByOne<P>(
  rows: readonly OutboxRow<P>[],
  publish: (payload: P) => Promise<void>,
  isBrokerAway: (error: Error) => boolean,
): Promise<OneByOneOutcome> {
  const outcome: OneByOneOutcome = { published: [], refused: [] };
  for (const row of rows) {
    try {
      await publish(row.payload);
      outcome.published.push(row.id);
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (isBrokerAway(error)) return { ...outcome, brokerAway: error };
      outcome.refused.push({ id: row.id, reason: error.message || error.name });
    }
  }
  return outcome;
}

/**
 * Awaits a condition that another process makes true (a consumer applying an event): polls the
 * probe until it passes or the deadline is reached, then rethrows its last failure.
 */
export async function eventually<T>(probe: () => Promise<T>, { timeoutMs = 10_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

/**
 * Values loaded on demand and kept for `ttlMs`, per key. Concurrent gets of a missing key share one
 * load; a failed load is forgotten at once, so the next get tries again.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    return this.set(key, load());
  }

  /** Replaces the key's value with one just loaded (a fresh read is as good as a cached one). */
  set(key: K, value: Promise<V>): Promise<V> {
    const entry = { value, expiresAt: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

/** A map with a size limit, for everything kept per isolate under keys clients choose. */

/**
 * A map that keeps at most `capacity` entries, dropping the least recently
 * used, so variants chosen by clients (section selections, hosts, Accept
 * headers) cannot grow memory without bound.
 */
export class BoundedMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh its place in the recency order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The value under `key`, leaving its place in the order as it is. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

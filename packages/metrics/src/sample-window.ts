/**
 * The last `capacity` samples in a fixed ring, for quantiles over recent traffic. Adding is O(1)
 * and allocation-free; sorting happens only when a snapshot asks.
 */
export class SampleWindow {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number = 256) {
    this.values = new Float64Array(capacity);
  }

  add(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Nearest-rank quantiles, one per `q` in [0, 1]; null when empty. */
  quantiles(qs: readonly number[]): (number | null)[] {
    if (this.count === 0) return qs.map(() => null);
    const sorted = this.values.slice(0, this.count).sort();
    return qs.map((q) => {
      const rank = Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1));
      return sorted[rank] ?? null;
    });
  }
}

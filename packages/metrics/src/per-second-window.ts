/**
 * Sums per wall-clock second over the last `seconds` seconds, for several channels at once
 * (requests, latency sum, tokens...). Fixed arrays, O(1) per add: a slot is cleared lazily when
 * its second comes round again.
 */
export class PerSecondWindow {
  private readonly stamps: Float64Array;
  private readonly sums: Float64Array[];

  constructor(
    readonly seconds: number,
    channels: number,
  ) {
    this.stamps = new Float64Array(seconds).fill(-1);
    this.sums = Array.from({ length: channels }, () => new Float64Array(seconds));
  }

  add(nowMs: number, channel: number, value: number): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % this.seconds;
    if (this.stamps[slot] !== second) {
      this.stamps[slot] = second;
      for (const sums of this.sums) sums[slot] = 0;
    }
    const sums = this.sums[channel] as Float64Array;
    sums[slot] = (sums[slot] as number) + value;
  }

  /** The channel's value for each of the last `count` seconds ending with the current one, oldest first. */
  series(nowMs: number, channel: number, count: number = this.seconds): number[] {
    const current = Math.floor(nowMs / 1000);
    const sums = this.sums[channel] as Float64Array;
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const second = current - count + 1 + i;
      const slot = ((second % this.seconds) + this.seconds) % this.seconds;
      out[i] = this.stamps[slot] === second ? (sums[slot] as number) : 0;
    }
    return out;
  }

  /** Sum of the channel over the last `count` whole seconds before the current one. */
  total(nowMs: number, channel: number, count: number): number {
    const current = Math.floor(nowMs / 1000);
    const sums = this.sums[channel] as Float64Array;
    let total = 0;
    for (let second = current - count; second < current; second++) {
      const slot = ((second % this.seconds) + this.seconds) % this.seconds;
      if (this.stamps[slot] === second) total += sums[slot] as number;
    }
    return total;
  }
}

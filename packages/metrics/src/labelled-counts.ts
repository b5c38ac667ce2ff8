export type Labels = Readonly<Record<string, string>>;

export interface Series {
  readonly labels: Labels;
  value: number;
}

/**
 * Counts per label set, published to Prometheus at scrape time: adding is a map lookup, with no
 * label object to build, validate and hash on the request path (which prom-client does per call).
 */
export class LabelledCounts {
  private readonly series = new Map<string, Series>();

  /** `labels` is only called the first time `key` is seen. */
  add(key: string, labels: () => Labels, by = 1): void {
    let series = this.series.get(key);
    if (series === undefined) {
      series = { labels: labels(), value: 0 };
      this.series.set(key, series);
    }
    series.value += by;
  }

  get(key: string): number {
    return this.series.get(key)?.value ?? 0;
  }

  values(): IterableIterator<Series> {
    return this.series.values();
  }
}

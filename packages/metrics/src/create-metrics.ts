import type { Metrics, MetricsOptions } from "./metrics.js";
import { MetricsRecorder } from "./metrics-recorder.js";

export type { Metrics, MetricsOptions, SnapshotOptions } from "./metrics.js";

/**
 * Metrics fed by the router's events. Every sink method is O(1) in the traffic seen (bounded
 * windows and rings, cached label children) and never throws: metrics must not break a request.
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  return new MetricsRecorder(options);
}

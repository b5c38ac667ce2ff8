import type { StatsSnapshot } from "@ccr/metrics";

/** Where the dashboard stands with the proxy. */
export type Connection =
  | { readonly status: "connecting"; readonly attempt: number }
  | { readonly status: "live" }
  | {
      readonly status: "down";
      readonly error: string;
      /** Epoch ms of the next attempt. */
      readonly retryAt: number;
      readonly attempt: number;
    };

export interface StreamState {
  readonly connection: Connection;
  /** The last snapshot received; kept while the proxy is down so the screen keeps its context. */
  readonly snapshot?: StatsSnapshot;
  /** Epoch ms (local clock) the last snapshot arrived. */
  readonly receivedAt?: number;
}

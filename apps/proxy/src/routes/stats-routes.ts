import type { Metrics, ProxyInfo, StatsSnapshot, TierHealthInput } from "@ccr/metrics";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";

export interface StatsRoutesDeps {
  readonly metrics: Metrics;
  readonly getInfo: () => ProxyInfo;
  /** The router's view of tier health (cooldowns, circuits); it wins over what metrics inferred from events. */
  readonly tierStates?: () => Promise<readonly TierHealthInput[]>;
  /** How often `/api/stats/stream` pushes a snapshot. Default 1000 ms. */
  readonly streamIntervalMs?: number;
}

/**
 * Observability endpoints: Prometheus text, the Rust CCR's JSON views, and the snapshot (plus its
 * SSE stream) the dashboard and `ccr status` read. The proxy mounts them behind its auth.
 */
export function createStatsRoutes(deps: StatsRoutesDeps): Hono {
  const app = new Hono();
  const intervalMs = deps.streamIntervalMs ?? 1000;

  const snapshot = async (): Promise<StatsSnapshot> => {
    let tierStates: readonly TierHealthInput[] | undefined;
    try {
      tierStates = await deps.tierStates?.();
    } catch {
      // A failing health store must not take the stats down: the events seen still tell the state.
      tierStates = undefined;
    }
    return { ...deps.metrics.snapshot({ tierStates }), proxy: deps.getInfo() };
  };

  app.get("/metrics", async (c) =>
    c.body(await deps.metrics.prometheus(), 200, { "content-type": deps.metrics.contentType }),
  );
  app.get("/v1/usage", (c) => c.json(deps.metrics.usage()));
  app.get("/v1/latencies", (c) => c.json(deps.metrics.latencies()));
  app.get("/v1/token-drift", (c) => c.json(deps.metrics.tokenDrift()));
  app.get("/v1/throughput", (c) => c.json(deps.metrics.throughput()));
  app.get("/api/stats", async (c) => c.json(await snapshot()));
  app.get("/api/stats/stream", (c) =>
    streamSSE(c, async (stream) => {
      // The client going away wakes the wait at once, so a disconnect never holds a timer or a shutdown.
      let wake = () => {};
      stream.onAbort(() => wake());
      let id = 0;
      while (!stream.aborted && !stream.closed) {
        await stream.writeSSE({ event: "stats", id: String(id++), data: JSON.stringify(await snapshot()) });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }),
  );
  return app;
}

import type { StatsSnapshot } from "@ccr/metrics";
import { useMemo, useRef } from "react";
import { addSample, emptyHistory, type TierRates, tierRates } from "../rates/tier-throughput.js";

/** Each tier's output tokens/s over the last minute, from every snapshot received. */
export function useTierThroughput(snapshot: StatsSnapshot | undefined): TierRates {
  const history = useRef(emptyHistory);
  return useMemo(() => {
    if (snapshot !== undefined) history.current = addSample(history.current, snapshot);
    return tierRates(history.current);
  }, [snapshot]);
}

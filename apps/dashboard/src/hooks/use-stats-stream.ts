import { useEffect, useState } from "react";
import { connectStatsStream } from "../stream/stats-stream-client.js";
import type { StreamState } from "../stream/stream-state.js";

export interface StatsSource {
  readonly url: string;
  readonly apiKey?: string;
}

/** The dashboard's data: the proxy's live stats. Tests hand the app another hook with the same shape. */
export type UseStats = (source: StatsSource) => StreamState;

export const useStatsStream: UseStats = ({ url, apiKey }) => {
  const [state, setState] = useState<StreamState>({ connection: { status: "connecting", attempt: 0 } });
  useEffect(() => {
    const stream = connectStatsStream({ url, apiKey, onState: setState });
    return () => stream.close();
  }, [url, apiKey]);
  return state;
};

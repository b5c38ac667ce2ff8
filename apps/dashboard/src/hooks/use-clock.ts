import { useEffect, useState } from "react";

/** The local time, refreshed every `intervalMs`, so countdowns move between snapshots. */
export function useClock(now: () => number, intervalMs = 1000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return time;
}

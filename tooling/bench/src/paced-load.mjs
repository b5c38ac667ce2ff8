// The workload users have: many concurrent streams whose chunks arrive one by one, PACE_MS apart. Measures
// the server's own CPU time (utime + stime from /proc) per upstream chunk, checks every stream arrived intact,
// and reports the p99 stream duration.
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import { FRAMES_BESIDES_WORDS, PACE_MS, PACED_WORDS, streamIntact } from "./stream-shapes.mjs";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export async function runPaced({ url, path, body, streams, pid, headers = {} }) {
  const pool = new Pool(url, { connections: streams, pipelining: 1 });
  const durations = [];
  let broken = 0;
  const before = cpuMs(pid);
  // Starts spread over one pace interval, so chunks of different streams do not arrive in lockstep.
  const one = async (index) => {
    await new Promise((resolve) => setTimeout(resolve, (index * PACE_MS) / streams));
    const t0 = performance.now();
    try {
      const res = await pool.request({
        method: "POST",
        path,
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200 || !streamIntact(text, PACED_WORDS)) broken++;
      else durations.push(performance.now() - t0);
    } catch {
      broken++;
    }
  };
  await Promise.all(Array.from({ length: streams }, (_, index) => one(index)));
  // Let the server finish what it does after the last byte (its end of stream bookkeeping).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const spentMs = cpuMs(pid) - before;
  await pool.close();
  durations.sort((a, b) => a - b);
  const chunks = streams * (PACED_WORDS + FRAMES_BESIDES_WORDS);
  return {
    cpuPerChunkUs: (spentMs * 1000) / chunks,
    broken,
    p99Ms: durations.length
      ? durations[Math.min(durations.length - 1, Math.floor(0.99 * durations.length))]
      : NaN,
  };
}

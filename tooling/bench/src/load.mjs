// A small closed-loop load generator: `concurrency` workers send requests back to back for `durationMs`
// over a keep-alive pool and record each request's latency until the last byte.
import { Pool } from "undici";

export async function runLoad({ url, path, body, concurrency, durationMs, headers = {} }) {
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  async function worker() {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await pool.request({
          method: "POST",
          path,
          headers: { "content-type": "application/json", ...headers },
          body,
        });
        await res.body.text();
        if (res.statusCode !== 200) errors++;
        else latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}

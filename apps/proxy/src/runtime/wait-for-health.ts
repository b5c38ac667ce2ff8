/** Polls `GET /health` until it answers 200 or the time is up; false on timeout. */
export async function waitForHealth(
  baseUrl: string,
  options: { timeoutMs: number; intervalMs?: number; isAlive?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  while (Date.now() < deadline) {
    if (options.isAlive && !options.isAlive()) return false;
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  return false;
}

/** The address a client should use for a proxy listening on `host`: a wildcard bind is reached on loopback. */
export function clientBaseUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" || host === "::" || host === "" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

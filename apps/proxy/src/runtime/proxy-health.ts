/** What a CCR proxy answers on `GET /health` (never behind its APIKEY). */
export interface ProxyHealth {
  readonly version: string | null;
  readonly uptimeSeconds: number | null;
  readonly pid: number | null;
  readonly configPath: string | null;
}

/**
 * Asks `baseUrl/health`; undefined when nothing answers in time or what answers is not a CCR proxy.
 * This is how client commands agree on whether a proxy runs, whatever the pid files say.
 */
export async function fetchHealth(baseUrl: string, timeoutMs = 1000): Promise<ProxyHealth | undefined> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const body = (await response.json()) as Record<string, unknown>;
    if (body.status !== "ok") return undefined;
    return {
      version: typeof body.version === "string" ? body.version : null,
      uptimeSeconds: typeof body.uptime_seconds === "number" ? body.uptime_seconds : null,
      pid: typeof body.pid === "number" ? body.pid : null,
      configPath: typeof body.config_path === "string" ? body.config_path : null,
    };
  } catch {
    return undefined;
  }
}

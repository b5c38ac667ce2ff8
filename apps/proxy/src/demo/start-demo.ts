import type { Logger } from "pino";
import type { Env } from "../runtime/ccr-home.js";
import { pidFilePath, writePidFile } from "../runtime/pid-file.js";
import { type RunningServer, startServer } from "../server/start-server.js";
import { VERSION } from "../version.js";
import { DEMO_RETRY_AFTER_SECONDS, DEMO_TIERS, demoConfig } from "./demo-config.js";
import { type DemoProvider, startDemoProvider } from "./demo-provider.js";

/** `ccr demo` listens here unless told otherwise: beside a real proxy on 3456, never in its way. */
export const DEMO_PORT = 3457;

export interface StartDemoOptions {
  host?: string;
  /** Default DEMO_PORT; 0 picks a free port. */
  port?: number;
  logger: Logger;
  /** Shorter pauses, for tests. */
  pace?: { firstTokenDelayMs: number; pieceIntervalMs: number };
}

export interface RunningDemo {
  readonly server: RunningServer;
  readonly providers: readonly DemoProvider[];
  /** Stops the proxy (letting answers finish), then the demo providers. */
  close(): Promise<void>;
}

/** The proxy on the demo config, and the two in-process demo providers it cascades over. */
export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  const primary = await startDemoProvider({
    name: DEMO_TIERS.primary.provider,
    model: DEMO_TIERS.primary.model,
    rateLimitEveryOther: { retryAfterSeconds: DEMO_RETRY_AFTER_SECONDS },
    ...options.pace,
  });
  const backup = await startDemoProvider({
    name: DEMO_TIERS.backup.provider,
    model: DEMO_TIERS.backup.model,
    ...options.pace,
  });
  const providers = [primary, backup];
  let server: RunningServer;
  try {
    server = await startServer({
      config: demoConfig({ primary: primary.chatCompletionsUrl, backup: backup.chatCompletionsUrl }),
      host: options.host ?? "127.0.0.1",
      port: options.port ?? DEMO_PORT,
      logger: options.logger,
      watch: false,
      shutdownTimeoutMs: 2000,
    });
  } catch (error) {
    await Promise.all(providers.map((provider) => provider.close()));
    throw error;
  }
  return {
    server,
    providers,
    async close() {
      await server.close();
      await Promise.all(providers.map((provider) => provider.close()));
    },
  };
}

/** Writes the running demo's pid file (marked `demo`, so client commands can tell it apart); returns its path. */
export function writeDemoPidFile(env: Env, demo: RunningDemo): string {
  const path = pidFilePath(env, demo.server.port);
  writePidFile(
    {
      pid: process.pid,
      host: demo.server.host,
      port: demo.server.port,
      startedAt: Date.now(),
      version: VERSION,
      demo: true,
    },
    path,
  );
  return path;
}

import { type CommandIo, processIo } from "./command-io.js";
import { type StartOptions, startCommand } from "./start.js";
import { stopCommand } from "./stop.js";

/**
 * `ccr restart`: stop the proxy on this port (or running this config, or the only one running), then start
 * it again in the background.
 */
export async function restartCommand(
  options: Omit<StartOptions, "daemon">,
  io: CommandIo = processIo,
): Promise<number> {
  // "Not running" is fine here: restart then just starts. Port 0 ("any free port") names no proxy to stop.
  const port = options.port === 0 ? undefined : options.port;
  await stopCommand(
    {
      ...(options.config !== undefined && { config: options.config }),
      ...(port !== undefined && { port }),
      ...(options.host !== undefined && { host: options.host }),
    },
    { ...io, stderr: () => {} },
  );
  return startCommand({ ...options, daemon: true }, io);
}

import { type CommandIo, processIo } from "./command-io.js";
import { type StartOptions, startCommand } from "./start.js";
import { stopCommand } from "./stop.js";

/** `ccr restart`: stop the running proxy if any, then start it in the background. */
export async function restartCommand(
  options: Omit<StartOptions, "daemon">,
  io: CommandIo = processIo,
): Promise<number> {
  // "Not running" is fine here: restart then just starts.
  await stopCommand({}, { ...io, stderr: () => {} });
  return startCommand({ ...options, daemon: true }, io);
}

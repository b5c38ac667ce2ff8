import { loadConfig } from "@ccr/config";
import { loadProviderPackages } from "../runtime/provider-packages.js";
import { clientBaseUrl } from "../runtime/wait-for-health.js";
import { type CommandIo, processIo } from "./command-io.js";

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * `ccr activate`: shell lines that point Claude Code at the proxy, for `eval "$(ccr activate)"`.
 * Without a readable config the defaults (127.0.0.1:3456, no APIKEY) are used.
 */
export async function activateCommand(
  options: { config?: string },
  io: CommandIo = processIo,
): Promise<number> {
  let host = "127.0.0.1";
  let port = 3456;
  let apiKey: string | undefined;
  try {
    const { config } = await loadConfig({
      path: options.config,
      env: io.env,
      loadProviders: loadProviderPackages,
    });
    host = config.host;
    port = config.port;
    apiKey = config.apiKey;
  } catch {
    io.stderr("# no valid CCR config found: using 127.0.0.1:3456 (run ccr validate to see why)\n");
  }
  io.stdout(`export ANTHROPIC_BASE_URL=${quote(clientBaseUrl(host, port))}\n`);
  io.stdout(`export ANTHROPIC_API_KEY=${quote(apiKey ?? "ccr")}\n`);
  // An auth token in the environment would take precedence over the key in Claude Code.
  io.stdout("unset ANTHROPIC_AUTH_TOKEN\n");
  return 0;
}

import { type CommandIo, processIo } from "./command-io.js";
import {
  AmbiguousProxyError,
  type ProxyTarget,
  type ProxyTargetOptions,
  resolveProxyTarget,
  unsetKeyWarning,
} from "./proxy-target.js";

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * `ccr activate`: shell lines that point Claude Code at the proxy, for `eval "$(ccr activate)"`. The
 * address and key are found as for `ccr status` (flags, config, running proxy) from HOST, PORT and APIKEY
 * only; where they came from is said on stderr, so a wrong guess is visible.
 */
export async function activateCommand(
  options: ProxyTargetOptions,
  io: CommandIo = processIo,
): Promise<number> {
  let target: ProxyTarget;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch (error) {
    if (!(error instanceof AmbiguousProxyError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  io.stderr(`# CCR at ${target.url}, from ${target.source}\n`);
  const warning = unsetKeyWarning(target);
  if (warning) io.stderr(`# ${warning}`);
  io.stdout(`export ANTHROPIC_BASE_URL=${quote(target.url)}\n`);
  io.stdout(`export ANTHROPIC_API_KEY=${quote(target.apiKey ?? "ccr")}\n`);
  // An auth token in the environment would take precedence over the key in Claude Code.
  io.stdout("unset ANTHROPIC_AUTH_TOKEN\n");
  return 0;
}

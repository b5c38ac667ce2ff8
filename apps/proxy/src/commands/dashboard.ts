import { runDashboard } from "@ccr/dashboard";
import { type CommandIo, processIo } from "./command-io.js";
import { type ProxyTargetOptions, resolveProxyTarget } from "./proxy-target.js";

/**
 * `ccr dashboard`: the live terminal dashboard of the proxy found the way `ccr status` finds it
 * (flags, then the pid file, then the config, whose APIKEY it sends). It waits and reconnects by
 * itself while the proxy is down, so it may be started first.
 */
export async function dashboardCommand(
  options: ProxyTargetOptions = {},
  io: CommandIo = processIo,
): Promise<number> {
  const target = await resolveProxyTarget(options, io.env);
  await runDashboard({ url: target.url, ...(target.apiKey !== undefined && { apiKey: target.apiKey }) });
  return 0;
}

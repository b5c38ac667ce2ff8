import { loadDashboard } from "../runtime/load-dashboard.js";
import { type CommandIo, processIo } from "./command-io.js";
import { AmbiguousProxyError, type ProxyTargetOptions, resolveProxyTarget } from "./proxy-target.js";

/**
 * `ccr dashboard`: the live terminal dashboard of the proxy found the way `ccr status` finds it, with the
 * APIKEY of its config. It waits and reconnects by itself while the proxy is down, so it may be started
 * first. @ccr/dashboard is optional: without it this says how to install it, and exits 1.
 */
export async function dashboardCommand(
  options: ProxyTargetOptions = {},
  io: CommandIo = processIo,
): Promise<number> {
  let target: ReturnType<typeof resolveProxyTarget>;
  try {
    target = resolveProxyTarget(options, io.env);
  } catch (error) {
    if (!(error instanceof AmbiguousProxyError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const dashboard = await loadDashboard();
  if (!dashboard.ok) {
    io.stderr(dashboard.message);
    return 1;
  }
  await dashboard.runDashboard({
    url: target.url,
    ...(target.apiKey !== undefined && { apiKey: target.apiKey }),
  });
  return 0;
}

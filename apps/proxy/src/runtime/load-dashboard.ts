import type { Env } from "./ccr-home.js";

/** What `ccr dashboard` and `ccr demo` need from @ccr/dashboard. */
export type RunDashboard = (options: { url: string; apiKey?: string }) => Promise<void>;

export type LoadedDashboard =
  | { readonly ok: true; readonly runDashboard: RunDashboard }
  | { readonly ok: false; readonly message: string };

/**
 * Imports @ccr/dashboard when it is installed. It is an optional peer of @ccr/proxy: the dashboard brings
 * Ink and React, which a proxy that only serves never needs. Missing, it says how to get it.
 */
export async function loadDashboard(
  env: Env = process.env,
  importer: () => Promise<unknown> = () => import("@ccr/dashboard"),
): Promise<LoadedDashboard> {
  // Ink reads CI when it loads and would then draw nothing until exit; the dashboard is interactive.
  if (env === process.env) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  try {
    const module = (await importer()) as { runDashboard?: unknown };
    if (typeof module.runDashboard !== "function") {
      return {
        ok: false,
        message: "the installed @ccr/dashboard has no runDashboard: update it (npm i -g @ccr/dashboard)\n",
      };
    }
    return { ok: true, runDashboard: module.runDashboard as RunDashboard };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw error;
    return { ok: false, message: DASHBOARD_MISSING };
  }
}

export const DASHBOARD_MISSING = [
  "The dashboard is not installed: it is a separate package (@ccr/dashboard, with Ink and React), so a proxy",
  "that only serves does not carry it. Install it next to @ccr/proxy:",
  "  npm i -g @ccr/dashboard                  (when @ccr/proxy is installed with npm i -g)",
  "  pnpm install --filter @ccr/dashboard... && pnpm --filter @ccr/dashboard... build   (in a clone)",
  "",
].join("\n");

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PackageJson } from "./workspace-packages.js";

export type AttwProfile = "strict" | "node16" | "esm-only";

export interface AttwResult {
  tarball: string;
  profile: AttwProfile;
  ok: boolean;
  /** The CLI's table, for a package that fails. */
  report: string;
}

/**
 * The profile a package is held to. ESM-only packages (the apps: Ink, top-level await) are checked as
 * `esm-only`: CommonJS reaches them with `import()`, which attw would report for node16 from CommonJS.
 * Dual ESM + CommonJS packages are checked as `node16`: every resolution but TypeScript's `node10`, which
 * predates `exports` and cannot see subpaths such as `@ccr/provider/conformance`; `engines` asks for
 * Node 20, whose resolution node16 models.
 */
export function attwProfileFor(manifest: PackageJson): AttwProfile {
  return JSON.stringify(manifest.exports ?? {}).includes('"require"') ? "node16" : "esm-only";
}

/** arethetypeswrong over each tarball with its profile (one child process for all; see attw-packages.mjs). */
export function attwCheck(tarballs: readonly { tarball: string; profile: AttwProfile }[]): AttwResult[] {
  const script = fileURLToPath(new URL("./attw-packages.mjs", import.meta.url));
  const args = tarballs.map(({ tarball, profile }) => `${tarball}=${profile}`);
  return JSON.parse(
    execFileSync(process.execPath, [script, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  ) as AttwResult[];
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@ccr/testkit";

export const root = repoRoot();

export const repoPath = (...parts: string[]) => join(root, ...parts);

export function readRepoFile(...parts: string[]): string {
  const path = repoPath(...parts);
  if (!existsSync(path)) throw new Error(`${path} does not exist`);
  return readFileSync(path, "utf8");
}

/**
 * How long `ccr start` lets streams finish after SIGTERM, in seconds, read from the proxy's source
 * (`shutdownTimeoutMs ?? 10_000`), so that every grace period here follows a change of it.
 */
export function shutdownDrainSeconds(): number {
  const source = readRepoFile("apps", "proxy", "src", "server", "start-server.ts");
  const match = /shutdownTimeoutMs\s*\?\?\s*([\d_]+)/.exec(source);
  if (!match) throw new Error("start-server.ts no longer defaults shutdownTimeoutMs: update this check");
  return Number(match[1]!.replaceAll("_", "")) / 1000;
}

/** The `$VAR` / `${VAR}` names a CCR config refers to (`$$` is a literal dollar). */
export function configVariables(configText: string): string[] {
  const names = [...configText.replaceAll("$$", "").matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map(
    (match) => match[1]!,
  );
  return [...new Set(names)].sort();
}

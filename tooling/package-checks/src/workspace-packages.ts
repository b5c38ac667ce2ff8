import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "@ccr/testkit";

/** The fields of a package.json these checks read. */
export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  exports?: unknown;
  publishConfig?: { exports?: unknown };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  name: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** The folder relative to the repository root, e.g. `packages/providers/zai`. */
  path: string;
  manifest: PackageJson;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Every package of the workspace, from the `packages:` globs of pnpm-workspace.yaml (`dir/*` patterns). */
export function workspacePackages(root: string = repoRoot()): WorkspacePackage[] {
  const patterns = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")
    .split("\n")
    .map((line) => /^\s*-\s*["']?([^"'\s]+)["']?\s*$/.exec(line)?.[1])
    .filter((pattern): pattern is string => pattern !== undefined);
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) throw new Error(`pnpm-workspace.yaml: unsupported pattern ${pattern}`);
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, "package.json")))
      .map((entry) => {
        const dir = join(parent, entry.name);
        const manifest = readJson<PackageJson>(join(dir, "package.json"));
        return { name: manifest.name, dir, path: relative(root, dir), manifest };
      });
  });
}

/** The packages `changeset publish` would publish: every workspace package not marked private. */
export function publishablePackages(root: string = repoRoot()): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

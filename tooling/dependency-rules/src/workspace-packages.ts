import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface Manifest {
  readonly name: string;
  /** A private package never ships: all its code is tooling. */
  readonly private?: boolean;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

export interface SourceFile {
  /** Relative to the repository root, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface WorkspacePackage {
  readonly name: string;
  /** Relative to the repository root, with `/` separators. */
  readonly dir: string;
  readonly manifest: Manifest;
  /** Every source file under `src/` and `test/`. */
  readonly files: readonly SourceFile[];
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED = new Set(["node_modules", "dist", "__snapshots__"]);

/** The workspace's packages, from the globs of `pnpm-workspace.yaml` (`dir/*` entries). */
export function readWorkspace(root: string): WorkspacePackage[] {
  const globs = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")
    .split("\n")
    .map((line) => /^\s*-\s*["']?([^"'\s]+)["']?\s*$/.exec(line)?.[1])
    .filter((glob): glob is string => glob !== undefined);
  const packages: WorkspacePackage[] = [];
  for (const glob of globs) {
    if (!glob.endsWith("/*"))
      throw new Error(`pnpm-workspace.yaml: only "dir/*" globs are read, not ${glob}`);
    const parent = join(root, glob.slice(0, -2));
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent).sort()) {
      const dir = join(parent, entry);
      const manifestPath = join(dir, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
      const files = ["src", "test"].flatMap((folder) => sourceFiles(root, join(dir, folder)));
      packages.push({ name: manifest.name, dir: toPosix(relative(root, dir)), manifest, files });
    }
  }
  return packages;
}

function sourceFiles(root: string, dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      if (SKIPPED.has(entry)) return [];
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sourceFiles(root, path);
      if (!SOURCE.test(entry)) return [];
      return [{ path: toPosix(relative(root, path)), text: readFileSync(path, "utf8") }];
    });
}

function toPosix(path: string): string {
  return path.split("\\").join("/");
}

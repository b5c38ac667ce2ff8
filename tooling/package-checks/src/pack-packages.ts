import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@ccr/testkit";
import { type PackageJson, readJson, type WorkspacePackage } from "./workspace-packages.js";

export interface PackedPackage {
  name: string;
  /** The .tgz `pnpm pack` wrote. */
  tarball: string;
  /** The tarball's bytes. */
  bytes: Uint8Array;
  /** Where its content was unpacked (the `package/` folder of the tarball). */
  dir: string;
  /** Paths inside the package, as listed by `pnpm pack`. */
  files: string[];
  /** The package.json a registry would get: `publishConfig` applied, `workspace:` ranges replaced. */
  manifest: PackageJson;
}

interface PackJson {
  name: string;
  filename: string;
  files: { path: string }[];
}

/**
 * Packs `packages` with pnpm, as `changeset publish` does (so `publishConfig` overrides apply, which
 * `npm pack` would ignore), into `destination`, and unpacks each tarball beside it.
 */
export function packPackages(packages: readonly WorkspacePackage[], destination: string): PackedPackage[] {
  const filters = packages.flatMap((pkg) => ["--filter", pkg.name]);
  const output = execFileSync(
    "pnpm",
    ["--recursive", ...filters, "pack", "--pack-destination", destination, "--json"],
    { cwd: repoRoot(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  // One package packed prints an object, several an array.
  const parsed = JSON.parse(output) as PackJson | PackJson[];
  const results = Array.isArray(parsed) ? parsed : [parsed];
  return results.map((result) => {
    const dir = join(destination, result.name.replace("/", "__"));
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-xzf", result.filename, "-C", dir]);
    const packageDir = join(dir, "package");
    return {
      name: result.name,
      tarball: result.filename,
      bytes: new Uint8Array(readFileSync(result.filename)),
      dir: packageDir,
      files: result.files.map((file) => file.path),
      manifest: readJson<PackageJson>(join(packageDir, "package.json")),
    };
  });
}

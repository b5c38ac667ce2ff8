// Runs arethetypeswrong over packed tarballs, with the checks and the verdict of its CLI (`attw --profile`),
// in one process so TypeScript loads once for every package. Prints a JSON array of
// { tarball, profile, ok, report } where `report` is the CLI's table for a package that fails.
// It runs as its own Node process: vitest workers resolve with the "development" condition, under which
// @arethetypeswrong/core would load TypeScript sources it does not publish for running.
// usage: node attw-packages.mjs <tarball>=<profile> ...
import { readFileSync } from "node:fs";
import { getExitCode } from "@arethetypeswrong/cli/internal/getExitCode";
import { typed } from "@arethetypeswrong/cli/internal/render";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";

/**
 * The profiles of `attw --profile`: the module resolutions a package does not have to satisfy.
 * @type {Record<string, ("node10" | "node16-cjs")[]>}
 */
const IGNORED_RESOLUTIONS = { strict: [], node16: ["node10"], "esm-only": ["node10", "node16-cjs"] };

const results = [];
for (const argument of process.argv.slice(2)) {
  const [tarball, profile = ""] = argument.split("=");
  const ignoreResolutions = IGNORED_RESOLUTIONS[profile];
  if (!tarball || !ignoreResolutions) throw new Error(`expected <tarball>=<profile>, got ${argument}`);
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
  if (!analysis.types) {
    results.push({ tarball, profile, ok: false, report: `${analysis.packageName} ships no types` });
    continue;
  }
  const ok = getExitCode(analysis, { ignoreResolutions }) === 0;
  const report = ok ? "" : await typed(analysis, { ignoreResolutions, format: "ascii", emoji: false });
  results.push({ tarball, profile, ok, report });
}
process.stdout.write(JSON.stringify(results));

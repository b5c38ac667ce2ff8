import { isDeepStrictEqual } from "node:util";
import type { PackageJson } from "./workspace-packages.js";

/** The export condition workspace packages resolve to `src/` with during development; never published. */
export const SOURCE_CONDITION = "@ccr/source";

const DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
] as const;

/** `exports` without the development condition: what `publishConfig.exports` must say. */
export function withoutSourceCondition(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

/**
 * What is wrong with a package's manifests for publishing: `source` is the package.json in the
 * repository, `packed` the one in its tarball, `privateNames` the workspace packages never published.
 */
export function manifestProblems(
  source: PackageJson,
  packed: PackageJson,
  privateNames: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (JSON.stringify(packed).includes(SOURCE_CONDITION)) {
    problems.push(
      `the packed package.json mentions "${SOURCE_CONDITION}", whose src/ files are not published`,
    );
  }
  if (!isDeepStrictEqual(source.publishConfig?.exports, withoutSourceCondition(source.exports))) {
    problems.push(
      `publishConfig.exports must be exports without the "${SOURCE_CONDITION}" condition (pnpm publishes it in place of exports)`,
    );
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(packed[field] ?? {})) {
      if (privateNames.has(name)) {
        problems.push(`${field} lists ${name}, a private workspace package that is never published`);
      }
      if (range.startsWith("workspace:")) problems.push(`${field}.${name} is still "${range}"`);
    }
  }
  if (packed.license !== "MIT") problems.push(`license is ${packed.license ?? "missing"}, expected MIT`);
  return problems;
}

import { posix } from "node:path";
import { matchesPattern, type PackageRule, ruleFor } from "./architecture-rules.js";
import { packageCycles } from "./package-cycles.js";
import { importsOf, isNodeBuiltin, isTestFile, packageOf } from "./source-imports.js";
import type { Manifest, WorkspacePackage } from "./workspace-packages.js";

/** A dependency the table does not allow yet, tolerated until the change that removes it lands. */
export interface TemporaryException {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface DependencyRules {
  readonly rules: readonly PackageRule[];
  readonly exceptions: readonly TemporaryException[];
  /** A package that must stand alone: no workspace package, and no Node module outside the listed edge files. */
  readonly standalone: { readonly name: string; readonly nodeEdgeFiles: readonly string[] };
  /**
   * Test kits declared once at the root: every package's tests may import them without declaring them, and
   * no shipped code may.
   */
  readonly testKits?: readonly string[];
}

/**
 * Every way the workspace breaks the rules of docs/architecture.md, one line each, saying what to do:
 * a package missing from the table, a dependency or import the table does not allow (a library on an app
 * among them), an app on another app that is not optional, a workspace package imported without being
 * declared (or from non-test code while only a dev dependency), a deep import into another package's
 * files, Node modules in the standalone package's core, and cycles between packages. Pure.
 */
export function dependencyViolations(
  packages: readonly WorkspacePackage[],
  { rules, exceptions, standalone, testKits = [] }: DependencyRules,
): string[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const violations: string[] = [];
  const usedExceptions = new Set<TemporaryException>();
  const graph = new Map<string, Set<string>>();

  for (const pkg of packages) {
    const rule = ruleFor(rules, pkg.name);
    if (rule === undefined) {
      violations.push(
        `${pkg.name}: not in the "Who may import whom" table of docs/architecture.md; add its row`,
      );
      continue;
    }
    const declared = declaredWorkspaceDeps(pkg.manifest, byName);
    graph.set(pkg.name, new Set(declared.keys()));
    const edges = new Map<string, string>();
    for (const [name, field] of declared) edges.set(name, `package.json ${field}`);

    for (const file of pkg.files) {
      const test = isTestFile(file.path);
      for (const { specifier, line } of importsOf(file.text)) {
        const at = `${file.path}:${line}`;
        if (specifier.startsWith(".")) {
          const target = posix.join(posix.dirname(file.path), specifier);
          if (!target.startsWith(`${pkg.dir}/`)) {
            violations.push(
              `${pkg.name}: ${at} imports ${specifier}, a file outside the package; import the other package by its name`,
            );
          }
          continue;
        }
        if (pkg.name === standalone.name && !test && isNodeBuiltin(specifier)) {
          if (!standalone.nodeEdgeFiles.includes(file.path)) {
            violations.push(
              `${pkg.name}: ${at} imports ${specifier}; its core runs without Node: keep Node in an edge file listed in the dependency rules`,
            );
          }
        }
        const { name, subpath } = packageOf(specifier);
        const target = byName.get(name);
        if (target === undefined || name === pkg.name) continue;
        if (testKits.includes(name)) {
          if (!test && pkg.manifest.private !== true)
            violations.push(`${pkg.name}: ${at} imports the test kit ${name} from code that ships`);
          continue;
        }
        if (subpath !== "" && !exportsSubpath(target.manifest, subpath)) {
          violations.push(
            `${pkg.name}: ${at} imports ${specifier}, which ${name} does not export; use its public entry points`,
          );
        }
        const field = declared.get(name);
        if (field === undefined) {
          violations.push(`${pkg.name}: ${at} imports ${name}, which its package.json does not declare`);
        } else if (field === "devDependencies" && !test) {
          violations.push(
            `${pkg.name}: ${at} imports ${name} from non-test code, but it is only a devDependency; move it to dependencies`,
          );
        }
        if (!edges.has(name)) edges.set(name, at);
      }
    }

    for (const [name, where] of edges) {
      const allowed = rule.mayImport.some((pattern) => matchesPattern(pattern, name));
      const targetKind = ruleFor(rules, name)?.kind;
      const optionalApp =
        rule.kind === "app" && targetKind === "app" && allowed && !isOptional(pkg.manifest, name);
      if (allowed && !optionalApp) continue;
      const exception = exceptions.find((e) => e.from === pkg.name && e.to === name);
      if (exception !== undefined) {
        usedExceptions.add(exception);
        continue;
      }
      if (optionalApp) {
        violations.push(
          `${pkg.name}: depends on the app ${name} (${where}); an app is optional for another: make it an optional dependency loaded on demand`,
        );
      } else if (rule.kind === "library" && targetKind === "app") {
        violations.push(
          `${pkg.name}: a library depends on the app ${name} (${where}); libraries never import apps`,
        );
      } else {
        violations.push(
          `${pkg.name}: depends on ${name} (${where}), which docs/architecture.md does not allow (it may import: ${rule.mayImport.join(", ") || "no CCR package"})`,
        );
      }
    }
  }

  for (const cycle of packageCycles(graph)) {
    violations.push(`import cycle between ${cycle.join(", ")}: one of them must not depend on the others`);
  }
  for (const exception of exceptions) {
    if (!usedExceptions.has(exception)) {
      violations.push(
        `the temporary exception ${exception.from} → ${exception.to} is no longer needed: remove it from the dependency rules`,
      );
    }
  }
  return violations;
}

const DEPENDENCY_FIELDS = [
  "dependencies",
  "peerDependencies",
  "optionalDependencies",
  "devDependencies",
] as const;

/** Workspace packages the manifest declares, with the field that declares each (runtime fields first). */
function declaredWorkspaceDeps(
  manifest: Manifest,
  workspace: ReadonlyMap<string, WorkspacePackage>,
): Map<string, string> {
  const declared = new Map<string, string>();
  for (const field of DEPENDENCY_FIELDS) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      if (workspace.has(name) && !declared.has(name)) declared.set(name, field);
    }
  }
  return declared;
}

function isOptional(manifest: Manifest, name: string): boolean {
  const meta = (manifest as { peerDependenciesMeta?: Record<string, { optional?: boolean }> })
    .peerDependenciesMeta;
  return name in (manifest.optionalDependencies ?? {}) || meta?.[name]?.optional === true;
}

/** Whether `exports` has `./<subpath>` (a package without an `exports` map exposes nothing beyond its main). */
function exportsSubpath(manifest: Manifest, subpath: string): boolean {
  const exports = manifest.exports;
  if (typeof exports !== "object" || exports === null) return false;
  return Object.keys(exports).some((key) => key === `./${subpath}` || matchesWildcard(key, `./${subpath}`));
}

function matchesWildcard(key: string, path: string): boolean {
  const star = key.indexOf("*");
  if (star < 0) return false;
  return path.startsWith(key.slice(0, star)) && path.endsWith(key.slice(star + 1));
}

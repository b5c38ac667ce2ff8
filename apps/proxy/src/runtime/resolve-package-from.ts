import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Exports = string | { readonly [key: string]: Exports | undefined } | undefined;

/**
 * The entry file of package `name` as installed in `folder`'s `node_modules` (or a parent's), or undefined
 * when it is not there. `require.resolve` first; an ESM-only package (an `exports` map without `require`)
 * is resolved from its `import` / `default` entry, which Node 20 offers no API for outside an ES module.
 */
export function resolvePackageFrom(name: string, folder: string): string | undefined {
  try {
    return createRequire(join(folder, "noop.js")).resolve(name);
  } catch {
    // Not installed, or not reachable through `require`: look for the package itself below.
  }
  for (let dir = folder; ; dir = dirname(dir)) {
    const root = join(dir, "node_modules", name);
    if (existsSync(join(root, "package.json"))) {
      const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
        exports?: Exports;
        main?: string;
      };
      const entry = importEntry(pkg.exports) ?? pkg.main ?? "index.js";
      return join(root, entry);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function importEntry(exports: Exports): string | undefined {
  if (exports === undefined || typeof exports === "string") return exports;
  const root = "." in exports ? exports["."] : exports;
  if (root === undefined || typeof root === "string") return root;
  for (const condition of ["import", "node", "default"]) {
    const entry = importEntry(root[condition]);
    if (entry !== undefined) return entry;
  }
  return undefined;
}

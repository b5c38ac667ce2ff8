import { builtinModules } from "node:module";
import ts from "typescript";

export interface SourceImport {
  /** As written: `@ccr/provider/conformance`, `./x.js`, `node:fs`. */
  readonly specifier: string;
  readonly line: number;
}

/**
 * The module specifiers a file imports: static imports and re-exports (type-only ones too), `import("...")`
 * and `require("...")` with a literal. TypeScript's own scanner, so comments and strings are not imports.
 */
export function importsOf(text: string): SourceImport[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((file) => ({
    specifier: file.fileName,
    line: text.slice(0, file.pos).split("\n").length,
  }));
}

/** Tests, benchmarks and their fixtures: they may use dev dependencies and Node freely. */
export function isTestFile(path: string): boolean {
  return (
    /\.(test|test-d|bench)\.[cm]?[jt]sx?$/.test(path) ||
    path.includes("/__fixtures__/") ||
    /(^|\/)test\//.test(path)
  );
}

const BUILTINS = new Set(builtinModules);

/** `node:fs`, or a bare built-in name such as `fs`. */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]!);
}

/** The package a bare specifier names (`@ccr/provider` for `@ccr/provider/conformance`) and the subpath. */
export function packageOf(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split("/");
  const length = specifier.startsWith("@") ? 2 : 1;
  return { name: parts.slice(0, length).join("/"), subpath: parts.slice(length).join("/") };
}

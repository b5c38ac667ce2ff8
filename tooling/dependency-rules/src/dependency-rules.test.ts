import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArchitectureRules } from "./architecture-rules.js";
import {
  type DependencyRules,
  dependencyViolations,
  type TemporaryException,
} from "./dependency-violations.js";
import { readWorkspace, type WorkspacePackage } from "./workspace-packages.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Dependencies docs/architecture.md does not allow, tolerated until the change that removes each lands.
 * When that change lands, the check fails until its entry is removed here.
 */
const TEMPORARY_EXCEPTIONS: readonly TemporaryException[] = [];

/** `@ccr/transform` files that may use Node modules: the web-stream edge, when it exists. None yet. */
const TRANSFORM_NODE_EDGE_FILES: readonly string[] = [];

const repoRules: DependencyRules = {
  rules: parseArchitectureRules(readFileSync(join(root, "docs", "architecture.md"), "utf8")),
  exceptions: TEMPORARY_EXCEPTIONS,
  standalone: { name: "@ccr/transform", nodeEdgeFiles: TRANSFORM_NODE_EDGE_FILES },
  testKits: ["@ccr/testkit"],
};

describe("the workspace", () => {
  it("follows the dependency rules of docs/architecture.md", () => {
    expect(dependencyViolations(readWorkspace(root), repoRules)).toEqual([]);
  });
});

/** A small workspace for the rules' own tests. */
function pkg(
  name: string,
  manifest: Partial<WorkspacePackage["manifest"]> = {},
  files: Record<string, string> = {},
): WorkspacePackage {
  const dir = `packages/${name.replace("@ccr/", "")}`;
  return {
    name,
    dir,
    manifest: { name, ...manifest },
    files: Object.entries(files).map(([path, text]) => ({ path: `${dir}/${path}`, text })),
  };
}

const rules: DependencyRules = {
  rules: parseArchitectureRules(`
## Who may import whom

| package | kind | may import | why |
| --- | --- | --- | --- |
| \`@ccr/core\` | library | — | stands alone |
| \`@ccr/spec\` | library | \`@ccr/core\` | |
| \`@ccr/plugin-*\` | library | \`@ccr/spec\` | |
| \`@ccr/app\` | app | \`@ccr/spec\`, \`@ccr/plugin-*\`, \`@ccr/ui\` | |
| \`@ccr/ui\` | app | — | |

## Next section
`),
  exceptions: [],
  standalone: { name: "@ccr/core", nodeEdgeFiles: ["packages/core/src/node-edge.ts"] },
};

const core = pkg("@ccr/core", {}, { "src/index.ts": "export const x = 1;" });
const spec = pkg(
  "@ccr/spec",
  {
    dependencies: { "@ccr/core": "workspace:^" },
    exports: { ".": "./src/index.ts", "./kit": "./src/kit.ts" },
  },
  { "src/index.ts": 'export * from "@ccr/core";' },
);

describe("dependencyViolations", () => {
  it("accepts a workspace that follows the table", () => {
    const plugin = pkg(
      "@ccr/plugin-a",
      { dependencies: { "@ccr/spec": "workspace:^" } },
      { "src/index.ts": 'import { x } from "@ccr/spec";\nimport "@ccr/spec/kit";\nimport "./own.js";' },
    );
    expect(dependencyViolations([core, spec, plugin], rules)).toEqual([]);
  });

  it("names a package missing from the table", () => {
    expect(dependencyViolations([core, pkg("@ccr/stray")], rules)).toEqual([
      '@ccr/stray: not in the "Who may import whom" table of docs/architecture.md; add its row',
    ]);
  });

  it("rejects a library on an app, and a dependency the table does not allow", () => {
    const bad = pkg(
      "@ccr/spec",
      { dependencies: { "@ccr/app": "workspace:^" } },
      {
        "src/index.ts": '\nimport { ui } from "@ccr/ui";',
      },
    );
    expect(dependencyViolations([bad, pkg("@ccr/app", {}), pkg("@ccr/ui")], rules)).toEqual([
      "@ccr/spec: packages/spec/src/index.ts:2 imports @ccr/ui, which its package.json does not declare",
      "@ccr/spec: a library depends on the app @ccr/app (package.json dependencies); libraries never import apps",
      "@ccr/spec: a library depends on the app @ccr/ui (packages/spec/src/index.ts:2); libraries never import apps",
    ]);
  });

  it("keeps the standalone package free of other packages and of Node outside its edge files", () => {
    const bad = pkg(
      "@ccr/core",
      { dependencies: { "@ccr/spec": "workspace:^" } },
      {
        "src/index.ts": 'import { readFileSync } from "node:fs";\nimport { Buffer } from "buffer";',
        "src/node-edge.ts": 'import { Readable } from "node:stream";',
        "src/index.test.ts": 'import { join } from "node:path";',
      },
    );
    expect(dependencyViolations([bad, spec], rules)).toEqual([
      "@ccr/core: packages/core/src/index.ts:1 imports node:fs; its core runs without Node: keep Node in an edge file listed in the dependency rules",
      "@ccr/core: packages/core/src/index.ts:2 imports buffer; its core runs without Node: keep Node in an edge file listed in the dependency rules",
      "@ccr/core: depends on @ccr/spec (package.json dependencies), which docs/architecture.md does not allow (it may import: no CCR package)",
      "import cycle between @ccr/core, @ccr/spec: one of them must not depend on the others",
    ]);
  });

  it("rejects deep imports, by subpath or by a relative path out of the package", () => {
    const plugin = pkg(
      "@ccr/plugin-a",
      { dependencies: { "@ccr/spec": "workspace:^" } },
      { "src/index.ts": 'import "@ccr/spec/src/internal.js";\nimport "../../spec/src/index.js";' },
    );
    expect(dependencyViolations([core, spec, plugin], rules)).toEqual([
      "@ccr/plugin-a: packages/plugin-a/src/index.ts:1 imports @ccr/spec/src/internal.js, which @ccr/spec does not export; use its public entry points",
      "@ccr/plugin-a: packages/plugin-a/src/index.ts:2 imports ../../spec/src/index.js, a file outside the package; import the other package by its name",
    ]);
  });

  it("lets tests use dev dependencies, but not code that ships", () => {
    const plugin = pkg(
      "@ccr/plugin-a",
      { devDependencies: { "@ccr/spec": "workspace:^" } },
      {
        "src/a.test.ts": 'import "@ccr/spec";',
        "src/__fixtures__/f.ts": 'import "@ccr/spec";',
        "src/a.ts": 'import "@ccr/spec";',
      },
    );
    expect(dependencyViolations([core, spec, plugin], rules)).toEqual([
      "@ccr/plugin-a: packages/plugin-a/src/a.ts:1 imports @ccr/spec from non-test code, but it is only a devDependency; move it to dependencies",
    ]);
  });

  it("wants an app on another app optional, and reports exceptions that are no longer needed", () => {
    const app = pkg("@ccr/app", { dependencies: { "@ccr/ui": "workspace:^" } });
    const optional = pkg("@ccr/app", { optionalDependencies: { "@ccr/ui": "workspace:^" } });
    const ui = pkg("@ccr/ui");
    expect(dependencyViolations([app, ui], rules)).toEqual([
      "@ccr/app: depends on the app @ccr/ui (package.json dependencies); an app is optional for another: make it an optional dependency loaded on demand",
    ]);
    const exception = { from: "@ccr/app", to: "@ccr/ui", reason: "being made optional" };
    expect(dependencyViolations([app, ui], { ...rules, exceptions: [exception] })).toEqual([]);
    expect(dependencyViolations([optional, ui], { ...rules, exceptions: [exception] })).toEqual([
      "the temporary exception @ccr/app → @ccr/ui is no longer needed: remove it from the dependency rules",
    ]);
  });
});

describe("parseArchitectureRules", () => {
  it("fails loudly on a table it cannot read", () => {
    expect(() => parseArchitectureRules("# nothing here")).toThrow('no "## Who may import whom" section');
    expect(() => parseArchitectureRules("## Who may import whom\n| `@ccr/x` | service | — |")).toThrow(
      "cannot read the row",
    );
  });
});

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createProvider } from "./create-provider.mjs";

const script = fileURLToPath(new URL("../../../scripts/check-providers.mjs", import.meta.url));

function check(root: string) {
  const result = spawnSync(process.execPath, [script, "--root", root], { encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function freshTree() {
  const root = mkdtempSync(join(tmpdir(), "ccr-check-providers-"));
  roots.push(root);
  writeFileSync(join(root, "LICENSE"), "MIT License\n");
  createProvider({ id: "acme", root });
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, "docs/providers.md"), "# Providers\n\n## acme\n\nAcme.\n");
  return root;
}

describe("check-providers", () => {
  it("passes a package fresh from the generator", () => {
    expect(check(freshTree())).toEqual({ status: 0, output: "1 provider packages follow the pattern.\n" });
  });

  it("names every missing piece", () => {
    const root = freshTree();
    const dir = join(root, "packages/providers/acme");
    rmSync(join(dir, "README.md"));
    rmSync(join(dir, "src/__fixtures__/acme-tool-call.chunks.txt"));
    rmSync(join(dir, "src/acme-provider.test.ts"));
    rmSync(join(dir, "src/acme-transformer.test.ts"));
    writeFileSync(join(dir, "src/index.ts"), 'export { acmeProvider } from "./acme-provider.js";\n');
    rmSync(join(root, ".changeset/provider-acme.md"));
    writeFileSync(join(root, "docs/providers.md"), "# Providers\n\n## acme-other\n");
    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.output).toBe(
      [
        "packages/providers/acme:",
        "  - README.md is missing or empty",
        "  - fixture src/__fixtures__/acme-tool-call.chunks.txt is missing",
        "  - src/acme-provider.test.ts (the conformance test) is missing",
        "  - src/acme-transformer.ts has no test beside it (src/acme-transformer.test.ts)",
        "  - src/index.ts does not export VERSION",
        '  - docs/providers.md has no "## acme" section with its copy-paste config',
        '  - first release needs a changeset: add .changeset/provider-acme.md naming "@ccr/provider-acme"',
        "",
        "1 of 1 provider packages break the pattern (see docs/adding-a-provider.md).",
        "",
      ].join("\n"),
    );
  });

  it("needs no changeset once the package has a changelog", () => {
    const root = freshTree();
    rmSync(join(root, ".changeset/provider-acme.md"));
    writeFileSync(join(root, "packages/providers/acme/CHANGELOG.md"), "# @ccr/provider-acme\n\n## 0.1.0\n");
    expect(check(root).status).toBe(0);
  });

  it("accepts a changeset that names the package among others", () => {
    const root = freshTree();
    writeFileSync(
      join(root, ".changeset/provider-acme.md"),
      '---\n"@ccr/provider": minor\n"@ccr/provider-acme": minor\n---\n\nAcme.\n',
    );
    expect(check(root).status).toBe(0);
  });
});

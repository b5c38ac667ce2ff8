import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProviderDefinition } from "@ccr/provider";
import { runProviderConformance } from "@ccr/provider/conformance";
import { afterAll, describe, expect, it } from "vitest";
import { createProvider } from "./create-provider.mjs";
import { providerNames } from "./provider-names.mjs";

const root = mkdtempSync(join(tmpdir(), "ccr-new-provider-"));
// The generated tsconfig extends the repository's base config, which the loader reads; the LICENSE is copied.
for (const file of ["tsconfig.base.json", "LICENSE"]) {
  copyFileSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url)), join(root, file));
}
const files = createProvider({ id: "acme-cloud", root, displayName: "Acme Cloud" });
const packageDir = join(root, "packages/providers/acme-cloud");
const read = (path: string) => readFileSync(join(root, path), "utf8");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("createProvider", () => {
  it("writes the package, its fixtures and its changeset", () => {
    expect(files).toEqual([
      ".changeset/provider-acme-cloud.md",
      "packages/providers/acme-cloud/LICENSE",
      "packages/providers/acme-cloud/README.md",
      "packages/providers/acme-cloud/package.json",
      "packages/providers/acme-cloud/src/__fixtures__/acme-cloud-error.json",
      "packages/providers/acme-cloud/src/__fixtures__/acme-cloud-text.chunks.txt",
      "packages/providers/acme-cloud/src/__fixtures__/acme-cloud-text.json",
      "packages/providers/acme-cloud/src/__fixtures__/acme-cloud-tool-call.chunks.txt",
      "packages/providers/acme-cloud/src/acme-cloud-provider.test.ts",
      "packages/providers/acme-cloud/src/acme-cloud-provider.ts",
      "packages/providers/acme-cloud/src/acme-cloud-transformer.test.ts",
      "packages/providers/acme-cloud/src/acme-cloud-transformer.ts",
      "packages/providers/acme-cloud/src/index.ts",
      "packages/providers/acme-cloud/src/version.ts",
      "packages/providers/acme-cloud/tsconfig.json",
      "packages/providers/acme-cloud/tsup.config.ts",
      "packages/providers/acme-cloud/vitest.config.ts",
    ]);
  });

  it("fills every placeholder", () => {
    for (const file of files) expect(read(file), file).not.toMatch(/__(NAME|CAMEL|DISPLAY|ENV|KEY)__/);
    const pkg = JSON.parse(read("packages/providers/acme-cloud/package.json"));
    expect(pkg.name).toBe("@ccr/provider-acme-cloud");
    expect(pkg.exports["."]["@ccr/source"]).toBe("./src/index.ts");
    expect(JSON.stringify(pkg.publishConfig.exports)).not.toContain("@ccr/source");
    expect(read("packages/providers/acme-cloud/LICENSE")).toBe(read("LICENSE"));
    expect(read("packages/providers/acme-cloud/src/index.ts")).toContain("export { acmeCloudProvider }");
    expect(read("packages/providers/acme-cloud/src/acme-cloud-provider.ts")).toContain(
      'apiKeyEnv: "ACME_CLOUD_API_KEY"',
    );
    expect(read("packages/providers/acme-cloud/src/acme-cloud-provider.ts")).toContain(
      'transformersProvided: { "acme-cloud": acmeCloudTransformer }',
    );
    expect(read(".changeset/provider-acme-cloud.md")).toContain('"@ccr/provider-acme-cloud": minor');
  });

  it("refuses to overwrite an existing package", () => {
    expect(() => createProvider({ id: "acme-cloud", root })).toThrow(
      "packages/providers/acme-cloud already exists; pick another id",
    );
  });

  it("rejects ids that cannot name a package", () => {
    expect(() => providerNames("Acme")).toThrow('"Acme" is not a valid provider id');
    expect(() => providerNames("acme--cloud")).toThrow("is not a valid provider id");
    expect(providerNames("acme-cloud-2")).toEqual({
      name: "acme-cloud-2",
      camel: "acmeCloud2",
      display: "Acme Cloud 2",
      env: "ACME_CLOUD_2_API_KEY",
      key: '"acme-cloud-2"',
    });
    expect(providerNames("acme").key).toBe("acme");
  });
});

// The generated package passes the conformance kit with nothing but its template defaults and
// example fixtures, so a contributor starts from green and stays green while filling them in.
const generated = (await import(pathToFileURL(join(packageDir, "src/acme-cloud-provider.ts")).href)) as {
  acmeCloudProvider: ProviderDefinition;
};
runProviderConformance(generated.acmeCloudProvider, { fixturesDir: join(packageDir, "src/__fixtures__") });
// Its request test passes as generated too (importing it registers its tests here).
await import(pathToFileURL(join(packageDir, "src/acme-cloud-transformer.test.ts")).href);

import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

/** The build every provider package shares; `packageJson` is the URL of the package's own package.json. */
export function providerTsupConfig(packageJson: URL) {
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // Declarations resolve @ccr/provider from its built types (turbo builds it first): much faster than from source.
    dts: { compilerOptions: { customConditions: [] } },
    clean: true,
    sourcemap: true,
    target: "node20",
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  });
}

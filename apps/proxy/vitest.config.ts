import { readFileSync } from "node:fs";
import { defineProject } from "vitest/config";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineProject({
  resolve: { conditions: ["@ccr/source"] },
  // Vitest runs tests in its server (SSR) environment, whose resolver ignores `resolve.conditions`:
  // without this, workspace packages resolve to their (possibly stale) dist instead of src.
  ssr: { resolve: { conditions: ["@ccr/source", "module", "node", "development|production"] } },
  // The build injects the version (tsup `define`); tests run from source, so inject it here too.
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // The end-to-end tests start real processes.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

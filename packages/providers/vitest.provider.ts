import { readFileSync } from "node:fs";
import { defineProject } from "vitest/config";

/** The test setup every provider package shares; `packageJson` is the URL of the package's own package.json. */
export function providerVitestConfig(packageJson: URL) {
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  return defineProject({
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    resolve: { conditions: ["@ccr/source"] },
    // Tests run in the SSR environment, which has its own conditions: resolve workspace packages from source there too.
    ssr: { resolve: { conditions: ["@ccr/source"] } },
    test: { include: ["src/**/*.test.ts"] },
  });
}

import { readFileSync } from "node:fs";
import { defineProject } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineProject({
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  resolve: { conditions: ["@ccr/source"] },
  // Tests run in the SSR environment, which has its own conditions: resolve workspace packages from source there too.
  ssr: { resolve: { conditions: ["@ccr/source"] } },
  test: { include: ["src/**/*.test.ts"] },
});

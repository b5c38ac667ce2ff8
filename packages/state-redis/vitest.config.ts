import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@ccr/source"] },
  // Vitest runs tests in its server (SSR) environment, whose resolver ignores `resolve.conditions`:
  // without this, workspace packages resolve to their (possibly stale) dist instead of src.
  ssr: { resolve: { conditions: ["@ccr/source", "module", "node", "development|production"] } },
  test: { include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"] },
});

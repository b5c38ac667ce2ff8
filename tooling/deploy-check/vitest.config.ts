import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@ccr/source"] },
  ssr: { resolve: { conditions: ["@ccr/source", "module", "node", "development|production"] } },
  test: {
    include: ["src/**/*.test.ts"],
    // Some checks run the built CLI; the packed install sets its own, longer timeout.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import { defineConfig } from "vitest/config";

// One root run over every package, so CI prints a single summary.
export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      "packages/*/vitest.config.ts",
      "packages/providers/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "tooling/*/vitest.config.ts",
    ],
  },
});

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
    // @anthropic-ai/sdk warns on every call with a model it lists as deprecated (claude-sonnet-4-5 and
    // others): right for the SDK's users, noise for tests, whose model names are made up.
    onConsoleLog: (log) => !/^The model '[^']+' is deprecated and will reach end-of-life/.test(log),
  },
});

import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@ccr/source"] },
  test: { include: ["src/**/*.test.ts"] },
});

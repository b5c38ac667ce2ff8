import { defineProject } from "vitest/config";

export default defineProject({
  // Workspace helpers (@ccr/testkit) from source, as in every other package.
  resolve: { conditions: ["@ccr/source"] },
  ssr: { resolve: { conditions: ["@ccr/source"] } },
  // The checks pack, unpack and run real processes.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 180_000 },
});

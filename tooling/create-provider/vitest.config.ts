import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // The generated package lives in a temp dir outside the workspace; point its imports at the sources.
  resolve: {
    conditions: ["@ccr/source"],
    alias: {
      "@ccr/provider/conformance": fileURLToPath(
        new URL("../../packages/provider/src/conformance/index.ts", import.meta.url),
      ),
      "@ccr/provider": fileURLToPath(new URL("../../packages/provider/src/index.ts", import.meta.url)),
    },
  },
  define: { __PACKAGE_VERSION__: JSON.stringify("0.0.0-test") },
  test: { include: ["src/**/*.test.ts"] },
});

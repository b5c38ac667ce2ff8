import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.tsx", "src/cli.tsx"],
  format: ["esm"],
  dts: { entry: "src/index.tsx" },
  clean: true,
  sourcemap: true,
  target: "node20",
});

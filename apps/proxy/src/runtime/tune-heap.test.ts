import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, tuneHeap } from "./tune-heap.js";

describe("tuneHeap", () => {
  it("leaves a growth the user chose on the command line or in NODE_OPTIONS alone", () => {
    expect(tuneHeap(["--heap-growing-percent=20"], "")).toBe(false);
    expect(tuneHeap(["--heap_growing_percent=20"], "")).toBe(false);
    expect(tuneHeap([], "--max-old-space-size=512 --heap-growing-percent=80")).toBe(false);
    expect(tuneHeap(["--inspect"], "--max-old-space-size=512")).toBe(true);
  });

  it("uses a flag this Node's V8 knows (an unknown one is only reported, not thrown)", () => {
    const flag = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
    const script = `require("node:v8").setFlagsFromString(${JSON.stringify(flag)}); console.log("ok")`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe("ok");
    const typo = spawnSync(process.execPath, ["-e", script.replace("growing", "grwing")], {
      encoding: "utf8",
    });
    expect(`${typo.stdout}${typo.stderr}`).toMatch(/unrecognized flag/);
  });
});

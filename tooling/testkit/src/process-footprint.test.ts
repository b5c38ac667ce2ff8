import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processFootprint } from "./process-footprint.js";

describe("processFootprint", () => {
  it.skipIf(!existsSync("/proc/self/status"))(
    "reads a live process's resident memory and descriptors, and nothing for one that is gone",
    () => {
      const own = processFootprint(process.pid);
      expect(own?.rssBytes).toBeGreaterThan(1 << 20);
      expect(Math.abs((own?.rssBytes ?? 0) - process.memoryUsage().rss)).toBeLessThan(64 << 20);
      expect(own?.openFds).toBeGreaterThanOrEqual(3);
      expect(processFootprint(2 ** 22 + 1)).toBeUndefined();
    },
  );
});

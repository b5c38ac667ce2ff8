import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRotatingFileStream } from "./rotating-file-stream.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("createRotatingFileStream", () => {
  it("rotates by size and keeps a bounded number of old files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccr-logs-"));
    const path = join(dir, "ccr.log");
    const stream = createRotatingFileStream({ path, maxBytes: 100, maxFiles: 2 });
    for (let index = 0; index < 8; index += 1) {
      stream.write(`${JSON.stringify({ line: index, pad: "x".repeat(30) })}\n`);
      await settle();
    }
    stream.flushSync();
    await settle();
    expect(existsSync(`${path}.1`)).toBe(true);
    expect(existsSync(`${path}.2`)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
    // A line written while the file is being reopened may still land in the rotated file: never lost.
    const recent = readFileSync(path, "utf8") + readFileSync(`${path}.1`, "utf8");
    expect(recent).toContain('"line":7');
    const all = recent + readFileSync(`${path}.2`, "utf8");
    const seen = [...all.matchAll(/"line":(\d)/g)].map((match) => Number(match[1]));
    expect(new Set(seen).size).toBe(seen.length);
    stream.end();
  });
});

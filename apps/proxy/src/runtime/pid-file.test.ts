import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isProcessAlive,
  pidFilePath,
  readPidFile,
  removePidFile,
  runningProxy,
  writePidFile,
} from "./pid-file.js";

const tempPath = () => join(mkdtempSync(join(tmpdir(), "ccr-pid-")), "nested", "ccr.pid");
const info = { pid: process.pid, host: "127.0.0.1", port: 4567, startedAt: 123, version: "1.2.3" };

describe("pid file", () => {
  it("lives in ~/.claude-code-router, following HOME", () => {
    expect(pidFilePath({ HOME: "/tmp/someone" })).toBe("/tmp/someone/.claude-code-router/ccr.pid");
  });

  it("round-trips what a running proxy records", () => {
    const path = tempPath();
    writePidFile(info, path);
    expect(readPidFile(path)).toEqual(info);
    expect(runningProxy(path)).toEqual(info);
  });

  it("accepts a bare pid with the default address", () => {
    const path = tempPath();
    writePidFile(info, path);
    writeFileSync(path, "4242\n");
    expect(readPidFile(path)).toMatchObject({ pid: 4242, host: "127.0.0.1", port: 3456 });
  });

  it("reads nothing from a missing or garbled file", () => {
    const path = tempPath();
    expect(readPidFile(path)).toBeUndefined();
    writePidFile(info, path);
    writeFileSync(path, "{oops");
    expect(readPidFile(path)).toBeUndefined();
  });

  it("ignores a stale pid file whose process is gone", () => {
    const path = tempPath();
    writePidFile({ ...info, pid: 2 ** 22 + 12345 }, path);
    expect(isProcessAlive(2 ** 22 + 12345)).toBe(false);
    expect(runningProxy(path)).toBeUndefined();
  });

  it("is removed only by the process it names", () => {
    const path = tempPath();
    writePidFile(info, path);
    removePidFile(process.pid + 1, path);
    expect(readFileSync(path, "utf8")).toContain(String(process.pid));
    removePidFile(process.pid, path);
    expect(readPidFile(path)).toBeUndefined();
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isProcessAlive,
  pidFilePath,
  readPidFile,
  removePidFile,
  runningProxies,
  writePidFile,
} from "./pid-file.js";

const tempPath = () => join(mkdtempSync(join(tmpdir(), "ccr-pid-")), "nested", "ccr-4567.pid");
const info = { pid: process.pid, host: "127.0.0.1", port: 4567, startedAt: 123, version: "1.2.3" };
const GONE = 2 ** 22 + 12345;

describe("pid file", () => {
  it("lives in ~/.claude-code-router, one per port, following HOME", () => {
    expect(pidFilePath({ HOME: "/tmp/someone" }, 3456)).toBe("/tmp/someone/.claude-code-router/ccr-3456.pid");
  });

  it("round-trips what a running proxy records, config path and demo mark included", () => {
    const path = tempPath();
    writePidFile(info, path);
    expect(readPidFile(path)).toEqual(info);
    const more = { ...info, configPath: "/etc/ccr.json", demo: true };
    writePidFile(more, path);
    expect(readPidFile(path)).toEqual(more);
  });

  it("reads nothing from a missing or garbled file", () => {
    const path = tempPath();
    expect(readPidFile(path)).toBeUndefined();
    writePidFile(info, path);
    writeFileSync(path, "{oops");
    expect(readPidFile(path)).toBeUndefined();
  });

  it("lists the live proxies of every port, by port, and ignores stale files", () => {
    const home = mkdtempSync(join(tmpdir(), "ccr-pids-"));
    writePidFile({ ...info, port: 3999 }, pidFilePath({ HOME: home }, 3999));
    writePidFile({ ...info, port: 3456 }, pidFilePath({ HOME: home }, 3456));
    writePidFile({ ...info, pid: GONE, port: 4000 }, pidFilePath({ HOME: home }, 4000));
    writeFileSync(join(home, ".claude-code-router", "ccr-not-a-port.pid"), JSON.stringify(info));
    expect(isProcessAlive(GONE)).toBe(false);
    expect(runningProxies({ HOME: home }).map((proxy) => proxy.port)).toEqual([3456, 3999]);
    expect(runningProxies({ HOME: join(home, "nowhere") })).toEqual([]);
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

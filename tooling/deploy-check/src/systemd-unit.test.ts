import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseUnitFile } from "./parse-unit-file.js";
import { readRepoFile, shutdownDrainSeconds } from "./repo-files.js";

const text = readRepoFile("deploy", "systemd", "ccr.service");
const unit = parseUnitFile(text);
const service = unit.Service!;
const one = (key: string) => {
  expect(service[key], key).toHaveLength(1);
  return service[key]![0]!;
};

describe("deploy/systemd/ccr.service", () => {
  it("runs ccr start in the foreground with the config path", () => {
    expect(one("Type")).toBe("simple");
    const [binary, ...args] = one("ExecStart").split(/\s+/);
    expect(binary).toMatch(/^\/.*\/ccr$/);
    expect(args.slice(0, 1)).toEqual(["start"]);
    expect(args).not.toContain("--daemon");
    expect(args[args.indexOf("--config") + 1]).toBe("/etc/ccr/config.json");
    expect(one("ExecReload")).toBe("/bin/kill -HUP $MAINPID");
  });

  it("restarts on failure and gives the drain time to finish on stop", () => {
    expect(one("Restart")).toBe("on-failure");
    expect(one("KillSignal")).toBe("SIGTERM");
    expect(Number(one("TimeoutStopSec"))).toBeGreaterThan(shutdownDrainSeconds());
  });

  it("runs as a dedicated unprivileged user whose HOME is its state directory", () => {
    expect(one("DynamicUser")).toBe("yes");
    expect(one("Environment")).toBe(`HOME=/var/lib/${one("StateDirectory")}`);
    expect(one("CapabilityBoundingSet")).toBe("");
    // V8's JIT needs writable and executable memory: this hardening option would kill Node.
    expect(service.MemoryDenyWriteExecute).toBeUndefined();
  });

  it("starts at boot after the network", () => {
    expect(unit.Install?.WantedBy).toEqual(["multi-user.target"]);
    expect(unit.Unit?.After).toEqual(["network-online.target"]);
  });
});

const analyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
const hasAnalyze = analyze.status === 0;
const systemdVersion = Number(/^systemd (\d+)/.exec(analyze.stdout ?? "")?.[1] ?? 0);
if (!hasAnalyze) {
  console.warn(
    "systemd-analyze is not installed (Debian package systemd): skipping `systemd-analyze verify`",
  );
}

/**
 * A copy of the unit whose ExecStart names node: `verify` checks that the binary exists, and ccr is not
 * installed here. Everything else is the unit as shipped.
 */
function verifiableCopy(edit: (unitText: string) => string = (unitText) => unitText): string {
  const copy = join(mkdtempSync(join(tmpdir(), "ccr-unit-")), "ccr.service");
  writeFileSync(copy, edit(text.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`)));
  return copy;
}

describe.skipIf(!hasAnalyze)("systemd-analyze verify deploy/systemd/ccr.service", () => {
  it("finds no problem", () => {
    // Unknown keys or bad values are only printed (exit 0): any output fails the check.
    const run = spawnSync("systemd-analyze", ["verify", verifiableCopy()], { encoding: "utf8" });
    expect(run.stderr + run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  it("would catch a misspelled key", () => {
    const copy = verifiableCopy((unitText) => unitText.replace("Restart=", "Restrat="));
    expect(spawnSync("systemd-analyze", ["verify", copy], { encoding: "utf8" }).stderr).toContain(
      "Unknown key",
    );
  });

  // `security --offline` exists since systemd 250.
  it.skipIf(systemdVersion < 250)(
    "rates the sandboxing as well hardened (systemd-analyze security below 3)",
    () => {
      const report = execFileSync("systemd-analyze", ["security", "--offline=yes", verifiableCopy()], {
        encoding: "utf8",
      });
      const exposure = Number(/Overall exposure level for ccr\.service: ([\d.]+)/.exec(report)?.[1]);
      expect(exposure).toBeLessThan(3);
    },
  );
});

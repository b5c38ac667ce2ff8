import { parse } from "plist";
import { describe, expect, it } from "vitest";
import { readRepoFile, shutdownDrainSeconds } from "./repo-files.js";

// deploy/launchd: CCR at login on macOS. plutil is not here, so the plist is parsed as a property list.

interface LaunchAgent {
  Label: string;
  ProgramArguments: string[];
  EnvironmentVariables: Record<string, string>;
  RunAtLoad: boolean;
  KeepAlive: boolean | { SuccessfulExit?: boolean };
  ExitTimeOut: number;
  StandardOutPath: string;
  StandardErrorPath: string;
}

const FILE = "local.ccr.proxy.plist";
const text = readRepoFile("deploy", "launchd", FILE);
const agent = parse(text) as unknown as LaunchAgent;

describe(`deploy/launchd/${FILE}`, () => {
  it("is labelled as its file is named", () => {
    expect(`${agent.Label}.plist`).toBe(FILE);
  });

  it("runs ccr start in the foreground, found on a PATH that has node", () => {
    expect(agent.ProgramArguments).toEqual(["/usr/bin/env", "ccr", "start"]);
    expect(agent.EnvironmentVariables.PATH?.split(":")).toEqual(
      expect.arrayContaining(["/opt/homebrew/bin", "/usr/local/bin"]),
    );
  });

  it("starts at login and again after a failure, not after ccr stop", () => {
    expect(agent.RunAtLoad).toBe(true);
    expect(agent.KeepAlive).toEqual({ SuccessfulExit: false });
  });

  it("gives the drain time to finish before launchd kills it", () => {
    expect(agent.ExitTimeOut).toBeGreaterThan(shutdownDrainSeconds());
  });

  it("logs to a path the install step fills in (launchd does not expand ~)", () => {
    for (const path of [agent.StandardOutPath, agent.StandardErrorPath]) {
      expect(path).toMatch(/^__HOME__\/Library\/Logs\//);
    }
    expect(text).toContain('sed "s|__HOME__|$HOME|g"');
  });
});

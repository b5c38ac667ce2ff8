import { describe, expect, it } from "vitest";
import { usageHints } from "./start-banner.js";

describe("usageHints", () => {
  it("spells every command with the CLI as the user can run it, aligned", () => {
    const text = usageHints({ cli: "node /opt/ccr/cli.js" });
    expect(text).toContain("  node /opt/ccr/cli.js code ");
    expect(text).toContain('eval "$(node /opt/ccr/cli.js activate)"');
    expect(text).toContain("ccr is not on your PATH: bash scripts/install-cli.sh");
    const lines = text.split("\n");
    const columns = ["run Claude Code", "then run claude", "live view", "the same, once"].map((words) =>
      lines.find((line) => line.includes(words))!.indexOf(words),
    );
    expect(new Set(columns).size).toBe(1);
  });

  it("adds --port when bare commands would find another proxy", () => {
    const text = usageHints({ cli: "ccr", portFlag: "--port 3999" });
    expect(text).toContain("ccr code --port 3999");
    expect(text).toContain('eval "$(ccr activate --port 3999)"');
    expect(text).toContain("ccr status --port 3999");
    expect(text).not.toContain("not on your PATH");
  });
});

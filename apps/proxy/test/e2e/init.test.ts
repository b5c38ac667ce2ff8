import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ccr, tempHome } from "./cli-support.js";

describe("ccr init, non-interactive", () => {
  it("writes a config from --provider flags that validates once the keys are set, and never overwrites", async () => {
    const home = tempHome();
    const env = { HOME: home };
    const written = await ccr(["init", "--provider", "deepseek", "--provider", "zai"], env);
    expect(written.code).toBe(0);
    const path = join(home, ".claude-code-router", "config.json");
    expect(readFileSync(path, "utf8")).toContain('"api_key": "$DEEPSEEK_API_KEY"');
    expect(written.stdout).toContain(
      "Not set in this shell yet (export them before ccr start): DEEPSEEK_API_KEY, ZAI_API_KEY",
    );
    expect(written.stdout).toContain("statusline --install");

    const again = await ccr(["init", "--provider", "ollama"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists: not overwritten");

    const valid = await ccr(["validate"], { ...env, DEEPSEEK_API_KEY: "d", ZAI_API_KEY: "z" });
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/default +deepseek,deepseek-v4-flash → zai,/);
    expect(existsSync(join(home, ".claude", "settings.json"))).toBe(false);
  });

  it("statusline --install sets Claude Code's status line", async () => {
    const home = tempHome();
    const result = await ccr(["statusline", "--install"], { HOME: home });
    expect(result.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(home, ".claude", "settings.json"), "utf8"));
    expect(settings.statusLine).toEqual({
      type: "command",
      command: expect.stringMatching(/cli\.js statusline$/),
    });
  });
});

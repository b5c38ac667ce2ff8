import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "./load/parse-config-text.js";

// The commented example configs shipped in examples/ must always load, without warnings.
const examples = join(__dirname, "..", "..", "..", "examples");
const load = (name: string, env: Record<string, string> = {}) =>
  parseConfigText(readFileSync(join(examples, name), "utf8"), { env, sourcePath: join(examples, name) });

describe("examples/", () => {
  it("single-provider.jsonc: one OpenAI-compatible provider, key from the environment", () => {
    const { config, warnings } = load("single-provider.jsonc", { DEEPSEEK_API_KEY: "sk-test" });
    expect(warnings).toEqual([]);
    expect(config.providers.deepseek?.apiKey).toBe("sk-test");
    expect(config.providers.deepseek?.endpointUrl).toBe("https://api.deepseek.com/v1/chat/completions");
    expect(config.chains.think.map((tier) => tier.id)).toEqual([
      "deepseek,deepseek-reasoner",
      "deepseek,deepseek-chat",
    ]);
  });

  it("single-provider.jsonc names the variable it needs when it is unset", () => {
    expect(() => load("single-provider.jsonc")).toThrow("environment variable DEEPSEEK_API_KEY is not set");
  });

  it("multi-tier.jsonc: cascades zai → deepseek → minimax with per-tier retries", () => {
    const { config, warnings } = load("multi-tier.jsonc", {
      ZAI_API_KEY: "z",
      DEEPSEEK_API_KEY: "d",
      MINIMAX_API_KEY: "m",
    });
    expect(warnings).toEqual([]);
    expect(
      config.chains.default.map((tier) => [
        tier.id,
        tier.retry.maxRetries,
        tier.retry.streamFirstEventTimeoutMs,
      ]),
    ).toEqual([
      ["zai,glm-4.7", 5, 90_000],
      ["deepseek,deepseek-reasoner", 3, 90_000],
      ["minimax,MiniMax-M2.1", 3, 20000],
    ]);
  });

  it("ollama.jsonc: a local server without a key", () => {
    const { config, warnings } = load("ollama.jsonc");
    expect(warnings).toEqual([]);
    expect(config.providers.ollama).toMatchObject({
      endpointUrl: "http://127.0.0.1:11434/v1/chat/completions",
      protocol: "openai",
    });
    expect(config.providers.ollama?.apiKey).toBeUndefined();
    expect(config.apiTimeoutMs).toBe(900_000);
  });
});

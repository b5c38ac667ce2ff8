import { describe, expect, it } from "vitest";
import { readFixture } from "../__fixtures__/test-support.js";
import { parseConfigText } from "../load/parse-config-text.js";
import { describeConfig } from "./describe-config.js";
import { redactSecrets } from "./redact-secrets.js";

const env = {
  OPENROUTER_API_KEY: "sk-or-v1-secret-aaaa",
  DEEPSEEK_API_KEY: "sk-deepseek-secret-bbbb",
  GEMINI_API_KEY: "gemini-secret-cccc",
  ANTHROPIC_API_KEY: "sk-ant-secret-dddd",
  HOME: "/home/user",
};
const { config } = parseConfigText(readFixture("claude-code-router.jsonc"), {
  env,
  sourcePath: "/home/user/.claude-code-router/config.json",
});

describe("describeConfig", () => {
  it("summarizes providers and chains and never prints a key", () => {
    const text = describeConfig(config);
    for (const secret of Object.values(env).filter((value) => value.includes("secret"))) {
      expect(text).not.toContain(secret);
    }
    expect(text).toMatchSnapshot();
  });

  it("shows retry policies that differ from the defaults", () => {
    const { config: seed } = parseConfigText(readFixture("seed-retries.json"), { env: {} });
    expect(describeConfig(seed)).toContain(
      "default      zai,glm-4.7 [5 retries, backoff 50ms×2≤10000ms] → deepseek,deepseek-chat",
    );
  });
});

describe("redactSecrets", () => {
  it("replaces every provider key and the client APIKEY", () => {
    const { config: withClientKey } = parseConfigText(
      readFixture("claude-code-router.jsonc").replace('"APIKEY": ""', '"APIKEY": "client-key-eeee"'),
      { env },
    );
    const text = `Authorization: Bearer sk-deepseek-secret-bbbb; x-api-key: sk-ant-secret-dddd; client-key-eeee`;
    expect(redactSecrets(text, withClientKey)).toBe("Authorization: Bearer ***; x-api-key: ***; ***");
  });

  it("leaves a key that is also a provider name alone, so log lines keep naming their tier", () => {
    // ollama's key is the placeholder "ollama".
    expect(redactSecrets("ollama,qwen2.5-coder:latest failed", config)).toBe(
      "ollama,qwen2.5-coder:latest failed",
    );
  });

  it("redacts short keys too, down to 4 characters", () => {
    const text = readFixture("seed-single-provider.json").replace('"sk-xxx"', '"k9z!"');
    const { config: short } = parseConfigText(text, { env: {} });
    expect(redactSecrets("key=k9z!", short)).toBe("key=***");
  });
});

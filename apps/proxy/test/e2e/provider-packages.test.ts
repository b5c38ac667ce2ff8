import { spawnSync } from "node:child_process";
import {
  builtCliPath,
  type FakeOpenAI,
  openaiText,
  type RunningProxy,
  rateLimited,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMessages, userRequest } from "./support.js";

// Entries naming provider packages (`"provider": "ollama"`, `"provider": "deepseek"`), against the built CLI:
// the packages' auth, transformer chain and model limits reach the (fake) providers.

let proxy: RunningProxy;
let ollama: FakeOpenAI;
let deepseek: FakeOpenAI;
const DEEPSEEK_KEY = "ds-secret-4242";

beforeAll(async () => {
  ollama = await startFakeOpenAI([]);
  deepseek = await startFakeOpenAI([]);
  proxy = await startProxy({
    env: { DEEPSEEK_API_KEY: DEEPSEEK_KEY },
    config: {
      LOG_LEVEL: "warn",
      Providers: [
        // Ollama's package: no key, its models; only the URL is the fake's.
        { name: "ollama", provider: "ollama", api_base_url: `${ollama.url}/v1` },
        // DeepSeek's package: the key comes from DEEPSEEK_API_KEY, the `deepseek` transformer from the package.
        { name: "ds", provider: "deepseek", api_base_url: deepseek.url },
      ],
      Router: {
        default: "ollama,gpt-oss:20b",
        tiers: ["ollama,gpt-oss:20b", "ds,deepseek-v4-flash"],
        tierRetries: { "*": { max_retries: 0 } },
      },
    },
  });
});

afterAll(async () => {
  await proxy?.stop();
  await ollama?.close();
  await deepseek?.close();
});

describe('providers named by package ("provider")', () => {
  it("sends Ollama no key and max_tokens clamped to the model's max output", async () => {
    ollama.enqueue(openaiText("from ollama"));
    const response = await postMessages(proxy.url, userRequest("hi", { max_tokens: 64_000 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("ollama,gpt-oss:20b");
    const sent = ollama.requests.at(-1)!;
    expect(sent.url).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toMatchObject({ model: "gpt-oss:20b", max_tokens: 32_768 });
  });

  it("sends DeepSeek its key as a bearer token, through the package's deepseek transformer", async () => {
    ollama.enqueue(rateLimited(30));
    deepseek.enqueue(openaiText("from deepseek"));
    const response = await postMessages(
      proxy.url,
      userRequest("think", { max_tokens: 64_000, thinking: { type: "enabled", budget_tokens: 2_048 } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("ds,deepseek-v4-flash");
    const sent = deepseek.requests.at(-1)!;
    expect(sent.url).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe(`Bearer ${DEEPSEEK_KEY}`);
    // The transformer turns Claude Code's thinking switch into DeepSeek's; 64,000 is within its max output.
    expect(sent.body).toMatchObject({
      model: "deepseek-v4-flash",
      max_tokens: 64_000,
      thinking: { type: "enabled" },
    });
  });

  it("prices usage from the packages' model prices", async () => {
    const usage = (await (await fetch(`${proxy.url}/v1/usage`)).json()) as {
      tiers: { tier: string; input_tokens: number; output_tokens: number; cost_usd: number }[];
    };
    const ds = usage.tiers.find((tier) => tier.tier === "ds,deepseek-v4-flash")!;
    // deepseek-v4-flash: $0.44 in, $1.32 out per million tokens.
    expect(ds.output_tokens).toBeGreaterThan(0);
    expect(ds.cost_usd).toBeCloseTo((ds.input_tokens * 0.44 + ds.output_tokens * 1.32) / 1e6, 12);
  });

  it("ccr validate prints the packages, their auth and model limits, never the key", () => {
    const result = spawnSync(process.execPath, [builtCliPath(), "validate", "--config", proxy.configPath], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: proxy.home, DEEPSEEK_API_KEY: DEEPSEEK_KEY },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`ds  openai  ${deepseek.url}/v1/chat/completions`);
    expect(result.stdout).toContain("package: deepseek");
    expect(result.stdout).toContain("key: set (sent as Authorization: Bearer)");
    expect(result.stdout).toContain("key: none (none needed)");
    expect(result.stdout).toContain("gpt-oss:20b (context 131,072, output ≤32,768, no images)");
    expect(result.stdout).not.toContain(DEEPSEEK_KEY);
  });

  it("ccr validate names a package it cannot load and what to do", () => {
    proxy.writeConfig({
      Providers: [{ name: "ds", provider: "deepsek", api_key: "k" }],
      Router: { default: "ds,deepseek-v4-flash" },
    });
    const result = spawnSync(process.execPath, [builtCliPath(), "validate", "--config", proxy.configPath], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: proxy.home },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Providers[0].provider: provider package "deepsek" could not be loaded: @ccr/provider-deepsek is not installed; did you mean "deepseek"?',
    );
  });

  it("loads a package first named in a hot reload, with the transformers it provides", async () => {
    const groq = await startFakeOpenAI(() => openaiText("from groq"));
    try {
      // Groq's chain names `groq-usage`, a transformer only its package provides.
      proxy.writeConfig({
        LOG_LEVEL: "warn",
        Providers: [{ provider: "groq", api_key: "gsk-1", api_base_url: `${groq.url}/v1` }],
        Router: { default: "groq,openai/gpt-oss-120b" },
      });
      const deadline = Date.now() + 5_000;
      let response = await postMessages(proxy.url, userRequest());
      while (response.headers.get("x-ccr-tier") !== "groq,openai/gpt-oss-120b" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        response = await postMessages(proxy.url, userRequest());
      }
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ccr-tier")).toBe("groq,openai/gpt-oss-120b");
      expect(groq.requests.at(-1)?.headers.authorization).toBe("Bearer gsk-1");
    } finally {
      await groq.close();
    }
  });
});

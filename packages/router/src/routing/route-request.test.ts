import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { claudeCodeRequest } from "../__fixtures__/claude-code-request.js";
import { testConfig } from "../__fixtures__/test-config.js";
import { UnknownPresetError } from "../errors.js";
import { applyCustomRoute, isOverridable, routeRequest } from "./route-request.js";

const config = testConfig({
  Presets: { fast: { route: "b,fast", max_tokens: 512, temperature: 0.2 }, tuned: { temperature: 0 } },
});
const ask = (extra: Partial<AnthropicMessagesRequest> = {}): AnthropicMessagesRequest => ({
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user", content: "hello" }],
  ...extra,
});
const firstTier = (request: AnthropicMessagesRequest, preset?: string) => {
  const decision = routeRequest(config, request, { preset });
  return `${decision.scenario} → ${decision.chain.map((tier) => tier.id).join(" → ")}`;
};

describe("routeRequest: built-in scenarios", () => {
  it("routes a plain request to the default chain", () => {
    expect(firstTier(ask())).toBe("default → a,m1 → b,m2 → c,claude-x");
  });

  it("sends Claude Code's haiku model to background", () => {
    expect(firstTier(ask({ model: "claude-3-5-haiku-20241022" }))).toMatch(/^background → b,fast/);
    expect(firstTier(ask({ model: "claude-haiku-4-5-20251001" }))).toMatch(/^background → b,fast/);
  });

  it("selects think only for explicit enabled thinking, not for adaptive + effort", () => {
    expect(firstTier(ask({ thinking: { type: "enabled", budget_tokens: 1024 } }))).toMatch(
      /^think → c,claude-x/,
    );
    expect(firstTier(ask({ thinking: { type: "adaptive" }, output_config: { effort: "high" } }))).toMatch(
      /^default/,
    );
    expect(firstTier(ask({ thinking: { type: "disabled" } }))).toMatch(/^default/);
  });

  it("selects longContext above the threshold", () => {
    expect(firstTier(ask({ messages: [{ role: "user", content: "x".repeat(8000) }] }))).toBe(
      "default → a,m1 → b,m2 → c,claude-x",
    );
    expect(firstTier(ask({ messages: [{ role: "user", content: "x".repeat(8008) }] }))).toMatch(
      /^longContext → a,big/,
    );
  });

  it("selects webSearch for a web_search tool by type or by name", () => {
    expect(
      firstTier(ask({ tools: [{ type: "web_search_20250305", name: "web_search", max_uses: 5 }] })),
    ).toMatch(/^webSearch → a,search/);
    expect(firstTier(ask({ tools: [{ name: "web_search_custom", input_schema: {} }] }))).toMatch(
      /^webSearch/,
    );
    expect(firstTier(ask({ tools: [{ name: "WebFetch", input_schema: {} }] }))).toMatch(/^default/);
  });

  it("selects image when an image block is present, also inside a tool result", () => {
    const image = { type: "image" as const, source: { type: "url" as const, url: "https://x/y.png" } };
    expect(firstTier(ask({ messages: [{ role: "user", content: [image] }] }))).toMatch(/^image → a,vision/);
    expect(
      firstTier(
        ask({
          messages: [
            { role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: [image] }] },
          ],
        }),
      ),
    ).toMatch(/^image/);
  });

  it("applies the documented order: longContext > background > webSearch > think > image", () => {
    const everything = ask({
      model: "claude-haiku-4-5",
      thinking: { type: "enabled", budget_tokens: 1024 },
      tools: [{ name: "web_search", input_schema: {} }],
      messages: [{ role: "user", content: [{ type: "image", source: { type: "url", url: "u" } }] }],
    });
    expect(firstTier(everything)).toMatch(/^background/);
    expect(firstTier({ ...everything, model: "claude-sonnet-4-5" })).toMatch(/^webSearch/);
    expect(firstTier({ ...everything, model: "claude-sonnet-4-5", tools: [] })).toMatch(/^think/);
    expect(firstTier({ ...everything, messages: [{ role: "user", content: "x".repeat(8000) }] })).toMatch(
      /^longContext/,
    );
  });

  it("skips scenarios the Router does not name", () => {
    const bare = testConfig({ Router: { background: undefined, think: undefined } });
    const decision = routeRequest(
      bare,
      ask({ model: "claude-3-5-haiku", thinking: { type: "enabled", budget_tokens: 1 } }),
    );
    expect(decision.scenario).toBe("default");
  });

  it("treats a realistic 80 KB Claude Code request as longContext with the default threshold exceeded", () => {
    expect(routeRequest(config, claudeCodeRequest(80)).scenario).toBe("longContext");
  });
});

describe("routeRequest: explicit routes", () => {
  it("sends a 'provider,model' model straight there, with the scenario's chain behind it", () => {
    expect(firstTier(ask({ model: "c,claude-x" }))).toBe("explicit → c,claude-x → a,m1 → b,m2");
  });

  it("treats a 'provider,model' naming no configured provider as an ordinary model name", () => {
    expect(firstTier(ask({ model: "nope,model" }))).toMatch(/^default → a,m1/);
  });

  it("sends a model the provider does not list as written, as claude-code-router does", () => {
    expect(firstTier(ask({ model: "b,qwen/qwen3-coder" }))).toBe(
      "explicit → b,qwen/qwen3-coder → a,m1 → b,m2 → c,claude-x",
    );
  });

  it("matches provider and model regardless of case: Claude Code lowercases /model", () => {
    const cased = testConfig({
      Providers: [
        { name: "OpenRouter", api_base_url: "https://o.example/v1", models: ["moonshotai/Kimi-K2"] },
      ],
      Router: {
        default: "OpenRouter,moonshotai/Kimi-K2",
        background: "",
        think: "",
        longContext: "",
        webSearch: "",
        image: "",
        tiers: [],
        tierRetries: {},
      },
    });
    const decision = routeRequest(cased, ask({ model: "openrouter,moonshotai/kimi-k2" }));
    expect(decision.chain.map((tier) => tier.id)).toEqual(["OpenRouter,moonshotai/Kimi-K2"]);
  });

  it("routes a subagent tag and removes it from the request sent upstream", () => {
    const decision = routeRequest(
      config,
      ask({ system: "<CCR-SUBAGENT-MODEL>b,m2</CCR-SUBAGENT-MODEL>You review code." }),
    );
    expect(decision.scenario).toBe("subagent");
    expect(decision.chain[0]?.id).toBe("b,m2");
    expect(decision.request.system).toBe("You review code.");
  });

  it("removes a subagent tag naming an unknown tier but keeps built-in routing", () => {
    const decision = routeRequest(config, ask({ system: "<CCR-SUBAGENT-MODEL>x,y</CCR-SUBAGENT-MODEL>Hi" }));
    expect(decision.scenario).toBe("default");
    expect(decision.request.system).toBe("Hi");
  });

  it("gives an explicit model precedence over a subagent tag", () => {
    expect(
      firstTier(ask({ model: "c,claude-x", system: "<CCR-SUBAGENT-MODEL>b,m2</CCR-SUBAGENT-MODEL>" })),
    ).toMatch(/^explicit → c,claude-x/);
  });

  it("applies a preset's overrides and route", () => {
    const decision = routeRequest(config, ask(), { preset: "fast" });
    expect(decision.scenario).toBe("preset");
    expect(decision.chain[0]?.id).toBe("b,fast");
    expect(decision.request).toMatchObject({ max_tokens: 512, temperature: 0.2 });
  });

  it("keeps built-in routing for a preset without a route", () => {
    const decision = routeRequest(config, ask({ model: "claude-3-5-haiku" }), { preset: "tuned" });
    expect(decision.scenario).toBe("background");
    expect(decision.request.temperature).toBe(0);
  });

  it("throws UnknownPresetError naming the known presets", () => {
    expect(() => routeRequest(config, ask(), { preset: "nope" })).toThrowError(UnknownPresetError);
    expect(() => routeRequest(config, ask(), { preset: "nope" })).toThrow(
      'unknown preset "nope": the config defines "fast", "tuned"',
    );
  });

  it("lets a custom route replace scenario and preset routes, not explicit ones", () => {
    const decision = routeRequest(config, ask({ thinking: { type: "enabled", budget_tokens: 1 } }));
    expect(isOverridable(decision)).toBe(true);
    const custom = applyCustomRoute(config, decision, { provider: "b", model: "m2", id: "b,m2" });
    expect(custom.scenario).toBe("custom");
    expect(custom.chain.map((tier) => tier.id)).toEqual(["b,m2", "c,claude-x", "a,m1"]);
    expect(isOverridable(routeRequest(config, ask({ model: "b,m2" })))).toBe(false);
  });
});

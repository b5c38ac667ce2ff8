import { describe, expect, it } from "vitest";
import { seedProviders } from "../__fixtures__/test-configs.js";
import { normalizeConfig } from "../normalize/normalize-config.js";
import type { CcrConfig, Scenario } from "../types.js";
import { chainFor } from "./resolve-chains.js";
import { parseTierRef } from "./tier-ref.js";

const load = (raw: Record<string, unknown>) =>
  normalizeConfig({ Providers: seedProviders, ...raw }, { env: {} }).config;
const ids = (config: CcrConfig, scenario: Scenario) => config.chains[scenario].map((tier) => tier.id);

describe("tier chains", () => {
  it("without tiers or fallback, cascades through every other model Router names, in the order written", () => {
    const config = load({
      Router: {
        default: "zai,glm-4.7",
        think: "deepseek,deepseek-reasoner",
        longContext: "minimax,MiniMax-M2.1",
      },
    });
    expect(ids(config, "default")).toEqual([
      "zai,glm-4.7",
      "deepseek,deepseek-reasoner",
      "minimax,MiniMax-M2.1",
    ]);
    expect(ids(config, "think")).toEqual([
      "deepseek,deepseek-reasoner",
      "zai,glm-4.7",
      "minimax,MiniMax-M2.1",
    ]);
    expect(ids(config, "longContext")).toEqual([
      "minimax,MiniMax-M2.1",
      "zai,glm-4.7",
      "deepseek,deepseek-reasoner",
    ]);
  });

  it("follows the order keys are written in, not a fixed scenario order", () => {
    const config = load({
      Router: {
        longContext: "minimax,MiniMax-M2.1",
        default: "zai,glm-4.7",
        think: "deepseek,deepseek-reasoner",
      },
    });
    expect(ids(config, "default")).toEqual([
      "zai,glm-4.7",
      "minimax,MiniMax-M2.1",
      "deepseek,deepseek-reasoner",
    ]);
  });

  it("starts an unset scenario with the default model", () => {
    const config = load({ Router: { default: "zai,glm-4.7", think: "deepseek,deepseek-reasoner" } });
    expect(ids(config, "background")).toEqual(["zai,glm-4.7", "deepseek,deepseek-reasoner"]);
    expect(config.router.background).toBeUndefined();
  });

  it("uses Router.tiers as the fallbacks when given", () => {
    const config = load({
      Router: {
        default: "zai,glm-4.7",
        think: "deepseek,deepseek-reasoner",
        tiers: ["minimax,MiniMax-M2.1", "zai,glm-4.7"],
      },
    });
    expect(ids(config, "default")).toEqual(["zai,glm-4.7", "minimax,MiniMax-M2.1"]);
    expect(ids(config, "think")).toEqual([
      "deepseek,deepseek-reasoner",
      "minimax,MiniMax-M2.1",
      "zai,glm-4.7",
    ]);
    expect(config.router.tiers?.map((tier) => tier.id)).toEqual(["minimax,MiniMax-M2.1", "zai,glm-4.7"]);
  });

  it("prefers fallback[scenario] over Router.tiers; an unset scenario inherits fallback.default", () => {
    const config = load({
      Router: {
        default: "zai,glm-4.7",
        think: "deepseek,deepseek-reasoner",
        tiers: ["minimax,MiniMax-M2.1"],
      },
      fallback: { default: ["deepseek,deepseek-chat"], think: ["zai,glm-4.7", "deepseek,deepseek-reasoner"] },
    });
    expect(ids(config, "default")).toEqual(["zai,glm-4.7", "deepseek,deepseek-chat"]);
    expect(ids(config, "think")).toEqual(["deepseek,deepseek-reasoner", "zai,glm-4.7"]);
    expect(ids(config, "image")).toEqual(["zai,glm-4.7", "deepseek,deepseek-chat"]);
  });

  it("numbers tiers by position and attaches the retry policy of each", () => {
    const config = load({
      Router: {
        default: "zai,glm-4.7",
        think: "deepseek,deepseek-reasoner",
        tierRetries: { "tier-1": { max_retries: 7 } },
      },
    });
    expect(config.chains.think.map((tier) => [tier.index, tier.id, tier.retry.maxRetries])).toEqual([
      [0, "deepseek,deepseek-reasoner", 3],
      [1, "zai,glm-4.7", 7],
    ]);
  });
});

describe("chainFor", () => {
  const config = load({
    Router: {
      default: "zai,glm-4.7",
      think: "deepseek,deepseek-reasoner",
      tierRetries: { "tier-0": { max_retries: 9 }, "minimax,MiniMax-M2.1": { max_retries: 1 } },
    },
  });

  it("puts an explicitly routed tier first, then the scenario's chain without duplicates", () => {
    const first = parseTierRef("minimax,MiniMax-M2.1")!;
    const chain = chainFor(config, first);
    expect(chain.map((tier) => tier.id)).toEqual([
      "minimax,MiniMax-M2.1",
      "zai,glm-4.7",
      "deepseek,deepseek-reasoner",
    ]);
    expect(chain.map((tier) => tier.index)).toEqual([0, 1, 2]);
    // "provider,model" beats "tier-0"; zai moved to tier-1 and gets the default.
    expect(chain.map((tier) => tier.retry.maxRetries)).toEqual([1, 3, 3]);
    expect(Object.isFrozen(chain) && Object.isFrozen(chain[0])).toBe(true);
  });

  it("uses the given scenario's chain as the fallbacks", () => {
    const chain = chainFor(config, parseTierRef("zai,glm-4.7")!, "think");
    expect(chain.map((tier) => tier.id)).toEqual(["zai,glm-4.7", "deepseek,deepseek-reasoner"]);
    expect(chain[0]?.retry.maxRetries).toBe(9);
  });
});

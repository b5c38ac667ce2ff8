import { describe, expect, it } from "vitest";
import { chunk } from "../__fixtures__/tier-context.js";
import type { OpenAIChunkHook } from "../transformer/transformer.js";
import { composeChunkHooks } from "./compose-chunk-hooks.js";

describe("composeChunkHooks", () => {
  it("feeds every chunk a hook returns into the next, in order", () => {
    const split: OpenAIChunkHook = (c) => [c, chunk({ content: "second" })];
    const tag: OpenAIChunkHook = (c) => chunk({ content: `[${c.choices?.[0]?.delta?.content}]` });
    const composed = composeChunkHooks([split, tag]);
    expect(composed?.(chunk({ content: "first" }))).toEqual([
      chunk({ content: "[first]" }),
      chunk({ content: "[second]" }),
    ]);
  });

  it("stops at a hook that drops everything, and is the hook itself when alone", () => {
    const drop: OpenAIChunkHook = () => null;
    const never: OpenAIChunkHook = () => {
      throw new Error("must not run");
    };
    expect(composeChunkHooks([drop, never])?.(chunk({}))).toBeNull();
    expect(composeChunkHooks([drop])).toBe(drop);
    expect(composeChunkHooks([])).toBeUndefined();
  });
});

describe("composeChunkHooks flush", () => {
  it("flushes hooks in order, sending what one released through the hooks after it", () => {
    const holdFirst: OpenAIChunkHook = Object.assign(() => null, {
      flush: () => chunk({ content: "held" }),
    });
    const tag: OpenAIChunkHook = Object.assign(
      (c: ReturnType<typeof chunk>) => chunk({ content: `[${c.choices?.[0]?.delta?.content}]` }),
      { flush: () => chunk({ content: "tail" }) },
    );
    const composed = composeChunkHooks([holdFirst, tag]);
    expect(composed?.flush?.()).toEqual([chunk({ content: "[held]" }), chunk({ content: "tail" })]);
  });

  it("has no flush when no hook has one", () => {
    const same: OpenAIChunkHook = (c) => c;
    expect(composeChunkHooks([same, same])?.flush).toBeUndefined();
  });
});

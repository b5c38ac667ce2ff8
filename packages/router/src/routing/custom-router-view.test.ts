import { createRequire } from "node:module";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { recordingLogger } from "../__fixtures__/recording-metrics.js";
import { openAIMessage, scriptedFetch } from "../__fixtures__/scripted-fetch.js";
import { A_URL, B_URL, C_URL, testConfig } from "../__fixtures__/test-config.js";
import { createRouter } from "../create-router.js";
import type { CustomRouter } from "../types.js";

const ask: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  system: [{ type: "text", text: "You are Claude Code." }],
  messages: [{ role: "user", content: "please explain this code" }],
  metadata: { user_id: "user_abc_account__session_5f1e0c2a" },
};

function setup(customRouter: CustomRouter) {
  const upstream = scriptedFetch({
    [A_URL]: [openAIMessage("a")],
    [B_URL]: [openAIMessage("b")],
    [C_URL]: [],
  });
  const logger = recordingLogger();
  const router = createRouter({ config: testConfig(), fetch: upstream.fetch, logger, customRouter });
  return { router, upstream, logger };
}

describe("custom routers written for claude-code-router", () => {
  it("get a request with .body, .tokenCount, .sessionId and .log, and a config with Router and Providers", async () => {
    const legacy = createRequire(import.meta.url)("../__fixtures__/claude-code-router-custom-router.cjs");
    const { router, logger } = setup(legacy as CustomRouter);
    const response = await router.handle(ask, { requestId: "r1" });
    expect(response.tier).toBe("b,m2");
    expect(logger.lines).toContainEqual({
      level: "info",
      obj: { requestId: "r1" },
      msg: "custom router: 11 tokens, session 5f1e0c2a",
    });
  });

  it("still see the Anthropic fields at the top level, and the normalized config", async () => {
    let seen: unknown[] = [];
    const { router } = setup(async (request, config) => {
      seen = [request.model, request.messages.length, config.router.default.id, config.Router.think];
      return null;
    });
    expect((await router.handle(ask)).tier).toBe("a,m1");
    expect(seen).toEqual(["claude-sonnet-4-5", 1, "a,m1", "c,claude-x"]);
  });

  it("log through req.log in pino's styles, errors included", async () => {
    const { router, logger } = setup(async (req) => {
      req.log.warn({ user: "u1" }, "object first");
      req.log.error(new Error("lookup failed"));
      return null;
    });
    await router.handle(ask, { requestId: "r2" });
    expect(logger.lines.filter((line) => line.level !== "debug")).toEqual([
      { level: "warn", obj: { requestId: "r2", user: "u1" }, msg: "object first" },
      { level: "error", obj: { requestId: "r2", err: "lookup failed" }, msg: "lookup failed" },
    ]);
  });

  it("may edit req.body as in claude-code-router: the edited request is what goes upstream", async () => {
    const { router, upstream } = setup(async (req) => {
      req.body.messages = [{ role: "user", content: "rewritten by the router" }];
      return "b,m2";
    });
    await router.handle(ask);
    const sent = upstream.callsTo(B_URL)[0]?.body as { messages: { content: unknown }[] };
    expect(sent.messages.at(-1)?.content).toBe("rewritten by the router");
  });
});

import { normalizeConfig } from "@ccr/config";
import { createRouter } from "@ccr/router";
import { decodeChatRequest, decodeResponsesRequest } from "@ccr/transform";
import { describe, expect, it } from "vitest";

// Requests of OpenAI clients route like Anthropic ones: their canonical form is what the router classifies.

const router = createRouter({
  config: normalizeConfig({
    Providers: [
      { name: "zai", api_base_url: "http://127.0.0.1:1/v1/chat/completions", models: ["glm-4.6"] },
      {
        name: "deepseek",
        api_base_url: "http://127.0.0.1:2/v1/chat/completions",
        models: ["deepseek-chat", "deepseek-reasoner"],
      },
      { name: "vision", api_base_url: "http://127.0.0.1:3/v1/chat/completions", models: ["see"] },
      { name: "long", api_base_url: "http://127.0.0.1:4/v1/chat/completions", models: ["big"] },
      { name: "search", api_base_url: "http://127.0.0.1:5/v1/chat/completions", models: ["web"] },
    ],
    Router: {
      default: "zai,glm-4.6",
      think: "deepseek,deepseek-reasoner",
      image: "vision,see",
      longContext: "long,big",
      longContextThreshold: 5000,
      webSearch: "search,web",
    },
  }).config,
});

const chat = (extra: Record<string, unknown>, content: unknown = "hello") =>
  router.route(
    decodeChatRequest({ model: "gpt-4o", messages: [{ role: "user", content }], ...extra }).request,
  );
const responses = (extra: Record<string, unknown>, input: unknown = "hello") =>
  router.route(decodeResponsesRequest({ model: "gpt-5-codex", input, ...extra }).request);

const image = "data:image/png;base64,iVBORw0KGgo=";
const long = "word ".repeat(40_000);

describe("routing an OpenAI client's request", () => {
  it.each([
    [
      "a provider,model name goes there directly",
      chat({ model: "deepseek,deepseek-chat" }),
      "explicit",
      "deepseek,deepseek-chat",
    ],
    ["any other name takes the default route", chat({}), "default", "zai,glm-4.6"],
    [
      "reasoning_effort is the think scenario",
      chat({ reasoning_effort: "high" }),
      "think",
      "deepseek,deepseek-reasoner",
    ],
    ["reasoning_effort none is not", chat({ reasoning_effort: "none" }), "default", "zai,glm-4.6"],
    [
      "an image part is the image scenario",
      chat({}, [{ type: "image_url", image_url: { url: image } }]),
      "image",
      "vision,see",
    ],
    ["a long conversation is longContext", chat({}, long), "longContext", "long,big"],
  ])("Chat Completions: %s", (_name, decision, scenario, first) => {
    expect(decision.scenario).toBe(scenario);
    expect(decision.chain[0]?.id).toBe(first);
  });

  it.each([
    [
      "a provider,model name goes there directly",
      responses({ model: "deepseek,deepseek-chat" }),
      "explicit",
      "deepseek,deepseek-chat",
    ],
    ["any other name takes the default route", responses({}), "default", "zai,glm-4.6"],
    [
      "reasoning.effort is the think scenario",
      responses({ reasoning: { effort: "medium", summary: "auto" } }),
      "think",
      "deepseek,deepseek-reasoner",
    ],
    [
      "a reasoning summary alone is not",
      responses({ reasoning: { summary: "auto" } }),
      "default",
      "zai,glm-4.6",
    ],
    [
      "an input_image is the image scenario",
      responses({}, [{ role: "user", content: [{ type: "input_image", image_url: image }] }]),
      "image",
      "vision,see",
    ],
    ["a long input is longContext", responses({ instructions: long }), "longContext", "long,big"],
    // Codex offers web_search on every request; it is dropped (no tier runs OpenAI's hosted tools), so it
    // does not send all of Codex's traffic to the webSearch route.
    [
      "Codex's hosted web_search tool is not the webSearch scenario",
      responses({ tools: [{ type: "web_search" }] }),
      "default",
      "zai,glm-4.6",
    ],
  ])("Responses API: %s", (_name, decision, scenario, first) => {
    expect(decision.scenario).toBe(scenario);
    expect(decision.chain[0]?.id).toBe(first);
  });
});

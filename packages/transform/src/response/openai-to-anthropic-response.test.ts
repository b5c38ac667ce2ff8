import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { createTranslationContext } from "../translation-context.js";
import type { OpenAIChatResponse } from "../types/openai.js";
import { openAIToAnthropicResponse } from "./openai-to-anthropic-response.js";

const LONG_TOOL = "mcp__github__search_repositories_with_a_very_long_descriptive_name_for_testing";
const context = createTranslationContext("claude-opus-4-5", {
  toolNames: { mcp__github__search_repositories_with_a_very_long_descr_dkhpgbzm: LONG_TOOL },
});

function fixture(name: string): OpenAIChatResponse {
  return JSON.parse(readFileSync(new URL(`../__fixtures__/${name}.json`, import.meta.url), "utf8"));
}

function upstreamError(body: unknown): UpstreamResponseError {
  try {
    openAIToAnthropicResponse(body as OpenAIChatResponse, context);
  } catch (error) {
    if (UpstreamResponseError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected an UpstreamResponseError");
}

describe("openAIToAnthropicResponse", () => {
  it("translates text and tool calls, normalizing ids and restoring shortened names", () => {
    expect(openAIToAnthropicResponse(fixture("openai-response-tool-calls"), context)).toMatchSnapshot();
  });

  it("puts reasoning first as a thinking block and maps length to max_tokens", () => {
    const message = openAIToAnthropicResponse(fixture("openai-response-deepseek-reasoning"), context);
    expect(message.content.map((block) => block.type)).toEqual(["thinking", "text"]);
    expect(message.stop_reason).toBe("max_tokens");
    expect(message.usage).toEqual({
      input_tokens: 44,
      output_tokens: 240,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 768,
    });
  });

  it("reads OpenRouter's reasoning field and never emits empty blocks", () => {
    const message = openAIToAnthropicResponse(
      { id: "gen-1", choices: [{ message: { content: "", reasoning: "hmm" }, finish_reason: "stop" }] },
      context,
    );
    expect(message.content).toEqual([{ type: "thinking", thinking: "hmm" }]);
    expect(message.id).toBe("msg_gen-1");
    expect(message.model).toBe("claude-opus-4-5");
  });

  it("reports tool_use when the upstream says stop after calling tools", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          {
            message: {
              content: null,
              tool_calls: [
                {
                  id: "function-call-1",
                  type: "function",
                  function: { name: "Bash", arguments: '{"command":"ls"}' },
                },
              ],
            },
            finish_reason: "stop",
          },
        ],
      },
      context,
    );
    expect(message.stop_reason).toBe("tool_use");
    expect(message.id).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it("repairs slightly malformed tool arguments instead of dropping them", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          {
            message: {
              tool_calls: [
                {
                  id: "c1",
                  type: "function",
                  function: { name: "Write", arguments: '{"path": "a.ts", "content": "x",}' },
                },
              ],
            },
            finish_reason: "tool_calls",
          },
        ],
      },
      context,
    );
    expect(message.content).toEqual([
      { type: "tool_use", id: "c1", name: "Write", input: { path: "a.ts", content: "x" } },
    ]);
  });

  it("reads a legacy function_call as a tool call", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          {
            message: { content: null, function_call: { name: "Read", arguments: '{"file_path":"/a"}' } },
            finish_reason: "function_call",
          },
        ],
      },
      context,
    );
    expect(message.content).toMatchObject([{ type: "tool_use", name: "Read", input: { file_path: "/a" } }]);
    expect(message.stop_reason).toBe("tool_use");
  });

  it.each([
    ["content_filter", "refusal"],
    ["function_call", "end_turn"],
    ["eos", "end_turn"],
  ])("maps finish_reason %s to %s", (finishReason, stopReason) => {
    const message = openAIToAnthropicResponse(
      { choices: [{ message: { content: "x" }, finish_reason: finishReason }] },
      context,
    );
    expect(message.stop_reason).toBe(stopReason);
  });

  it("throws UpstreamResponseError for an error inside an HTTP 200, with the provider's own message", () => {
    const error = upstreamError(fixture("openai-response-error-in-200"));
    expect(error.status).toBe(429);
    expect(error.errorType).toBe("rate_limit_error");
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      "upstream error: Provider returned error: Resource has been exhausted (e.g. check quota).",
    );
  });

  it("ends the turn when finish_reason is tool_calls but there are no tool calls", () => {
    const message = openAIToAnthropicResponse(
      { choices: [{ message: { content: "Done." }, finish_reason: "tool_calls" }] },
      context,
    );
    expect(message.stop_reason).toBe("end_turn");
  });

  it("takes tool arguments sent as an object instead of a JSON string", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          {
            message: {
              content: null,
              tool_calls: [
                {
                  id: "call_1",
                  type: "function",
                  function: { name: "Read", arguments: { file_path: "/a" } as unknown as string },
                },
              ],
            },
            finish_reason: "tool_calls",
          },
        ],
      },
      context,
    );
    expect(message.content).toEqual([
      { type: "tool_use", id: "call_1", name: "Read", input: { file_path: "/a" } },
    ]);
  });

  it("answers with choice 0 when the upstream returns several, in any order", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          { index: 1, message: { content: "one" }, finish_reason: "stop" },
          { index: 0, message: { content: "zero" }, finish_reason: "length" },
        ],
      },
      context,
    );
    expect(message.content).toEqual([{ type: "text", text: "zero" }]);
    expect(message.stop_reason).toBe("max_tokens");
  });

  it("keeps a refusal visible as text and maps content_filter to refusal", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          { message: { content: null, refusal: "I can't help with that." }, finish_reason: "content_filter" },
        ],
      },
      context,
    );
    expect(message.content).toEqual([{ type: "text", text: "I can't help with that." }]);
    expect(message.stop_reason).toBe("refusal");
  });

  it.each([
    [{ error: { message: "Invalid model", code: "invalid_model" } }, 502, "upstream error: Invalid model"],
    [{ error: "model overloaded" }, 502, "upstream error: model overloaded"],
    [{ message: "Too many requests", code: 429 }, 429, "upstream error: Too many requests"],
    [
      { base_resp: { status_code: 1002, status_msg: "rate limit exceeded(RPM)" } },
      429,
      "upstream error: rate limit exceeded(RPM)",
    ],
    [
      { base_resp: { status_code: 1004, status_msg: "login fail" }, choices: [] },
      401,
      "upstream error: login fail",
    ],
  ])("reads the error inside a 200: %j", (body, status, message) => {
    expect(upstreamError(body)).toMatchObject({ status, message });
  });

  it("does not mistake a successful MiniMax answer (base_resp status 0) for an error", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [{ index: 0, message: { content: "hi" }, finish_reason: "stop" }],
        base_resp: { status_code: 0, status_msg: "" },
      },
      context,
    );
    expect(message.content).toEqual([{ type: "text", text: "hi" }]);
  });

  it("throws UpstreamResponseError for a body without choices", () => {
    expect(upstreamError({ id: "x", choices: [] })).toMatchObject({
      status: 502,
      errorType: "api_error",
      message: "upstream returned a response without choices",
    });
    // MiniMax: the router disables a tier that is out of credit and moves on.
    expect(
      upstreamError({ base_resp: { status_code: 1008, status_msg: "insufficient balance" }, choices: null }),
    ).toMatchObject({
      status: 402,
      errorType: "billing_error",
      message: "upstream error: insufficient balance",
    });
    expect(upstreamError("<html>Bad Gateway</html>").message).toBe(
      "upstream error: <html>Bad Gateway</html>",
    );
  });

  const answer = (message: unknown, extra: object = {}) => ({
    choices: [{ index: 0, message, finish_reason: "stop", ...extra }],
  });
  const toolCall = (fields: object) =>
    answer({ tool_calls: [{ id: "call_1", type: "function", ...fields }] });

  it.each([
    [
      "no message",
      { choices: [{ index: 0, finish_reason: "stop" }] },
      "choices.0.message: expected an object, got nothing",
    ],
    ["a message that is a string", answer("hi"), "choices.0.message: expected an object, got a string"],
    [
      "content that is a number",
      answer({ content: 5 }),
      "choices.0.message.content: expected a string, got a number",
    ],
    [
      "a refusal that is an object",
      answer({ refusal: {} }),
      "choices.0.message.refusal: expected a string, got an object",
    ],
    [
      "a finish_reason that is a number",
      answer({ content: "x" }, { finish_reason: 1 }),
      "choices.0.finish_reason: expected a string, got a number",
    ],
    [
      "tool_calls that is a string",
      answer({ tool_calls: "Read" }),
      "choices.0.message.tool_calls: expected an array, got a string",
    ],
    [
      "a tool call that is null",
      answer({ tool_calls: [null] }),
      "choices.0.message.tool_calls.0: expected an object, got null",
    ],
    ["a tool call without a function", toolCall({}), "choices.0.message.tool_calls.0.function: required"],
    [
      "a tool call without a name",
      toolCall({ function: { arguments: "{}" } }),
      "choices.0.message.tool_calls.0.function.name: required",
    ],
    [
      "a tool call id that is a number",
      toolCall({ id: 7, function: { name: "Read" } }),
      "choices.0.message.tool_calls.0.id: expected a string, got a number",
    ],
    [
      "arguments that are a number",
      toolCall({ function: { name: "Read", arguments: 5 } }),
      "choices.0.message.tool_calls.0.function.arguments: expected a JSON string, got a number",
    ],
    [
      "arguments that no repair makes an object",
      toolCall({ function: { name: "Read", arguments: "[1, 2]" } }),
      "choices.0.message.tool_calls.0.function.arguments: not a JSON object: [1, 2]",
    ],
    [
      "a legacy function_call without a name",
      answer({ function_call: { arguments: "{}" } }),
      "choices.0.message.function_call.name: required",
    ],
  ])("fails the tier for %s, naming the path", (_name, body, problem) => {
    expect(upstreamError(body)).toMatchObject({
      status: 502,
      retryable: true,
      message: `upstream sent a malformed answer: ${problem}`,
    });
  });

  it("counts usage that is not a count as 0", () => {
    const message = openAIToAnthropicResponse(
      {
        ...answer({ content: "x" }),
        usage: { prompt_tokens: "12", completion_tokens: -1, prompt_tokens_details: 5 },
      } as never,
      context,
    );
    expect(message.usage).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });

  it("takes empty or null arguments as no arguments", () => {
    const message = openAIToAnthropicResponse(
      {
        choices: [
          {
            message: {
              tool_calls: [
                { id: "a", type: "function", function: { name: "Now", arguments: null } },
                { id: "b", type: "function", function: { name: "Now", arguments: " " } },
              ],
            },
            finish_reason: "tool_calls",
          },
        ],
      } as never,
      context,
    );
    expect(message.content).toMatchObject([{ input: {} }, { input: {} }]);
  });
});

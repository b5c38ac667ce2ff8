import { describe, expect, it } from "vitest";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicErrorStatus } from "./anthropic-error-status.js";
import { anthropicPassthroughResponse } from "./anthropic-passthrough-response.js";

describe("anthropicPassthroughResponse", () => {
  it("echoes the requested model and keeps everything else", () => {
    const message = {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "MiniMax-M2",
      content: [],
      stop_reason: "end_turn",
      usage: { input_tokens: 1, output_tokens: 1 },
      extra: 1,
    };
    expect(anthropicPassthroughResponse(message, "claude-opus-4-1")).toEqual({
      ...message,
      model: "claude-opus-4-1",
    });
  });

  it.each([
    [
      { type: "error", error: { type: "rate_limit_error", message: "Too many requests" } },
      429,
      "upstream error: Too many requests",
    ],
    [{ error: { type: "overloaded_error", message: "busy" } }, 529, "upstream error: busy"],
    [{ hello: "world" }, 502, 'upstream answered without a message: {"hello":"world"}'],
    [null, 502, "upstream answered without a message: null"],
  ])("throws for %j", (body, status, message) => {
    let error: unknown;
    try {
      anthropicPassthroughResponse(body, "m");
    } catch (caught) {
      error = caught;
    }
    expect(UpstreamResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, message });
  });

  it("maps Anthropic error types to their statuses", () => {
    expect(
      [
        "invalid_request_error",
        "authentication_error",
        "not_found_error",
        "api_error",
        "timeout_error",
        "weird",
      ].map(anthropicErrorStatus),
    ).toEqual([400, 401, 404, 500, 504, 502]);
  });

  it.each([
    [{ content: [null] }, "content.0: expected an object, got null"],
    [{ content: [{ text: "hi" }] }, "content.0.type: expected a string, got nothing"],
    [{ content: [{ type: "text", text: 5 }] }, "content.0.text: expected a string, got a number"],
    [
      {
        content: [
          { type: "text", text: "a" },
          { type: "tool_use", id: "t", name: "Bash" },
        ],
      },
      "content.1.input: expected an object, got nothing",
    ],
    [
      { content: [{ type: "tool_use", id: "t", name: "", input: {} }] },
      "content.0.name: expected a non-empty string, got an empty one",
    ],
    [{ content: [{ type: "thinking" }] }, "content.0.thinking: expected a string, got nothing"],
  ])("fails the tier for a block the client cannot read: %j", (body, problem) => {
    expect(() => anthropicPassthroughResponse({ type: "message", ...body }, "m")).toThrow(
      `upstream sent a malformed answer: ${problem}`,
    );
  });

  it("passes blocks of types it does not know, and gives a message without usage zero counts", () => {
    const message = anthropicPassthroughResponse(
      { type: "message", content: [{ type: "hologram", payload: "MRK" }], stop_reason: "end_turn" },
      "m",
    );
    expect(message.content).toEqual([{ type: "hologram", payload: "MRK" }]);
    expect(message.usage).toEqual({ input_tokens: 0, output_tokens: 0 });
  });
});

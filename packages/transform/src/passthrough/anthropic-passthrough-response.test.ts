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
});

import { describe, expect, it } from "vitest";
import { anthropicErrorType } from "./anthropic-error-type.js";
import { CcrTransformError } from "./ccr-transform-error.js";
import { openAIErrorMessage, openAIErrorStatus } from "./openai-error-message.js";
import { RequestValidationError } from "./request-validation-error.js";
import { toAnthropicErrorBody } from "./to-anthropic-error-body.js";
import { TranslationError } from "./translation-error.js";
import { UpstreamResponseError } from "./upstream-response-error.js";

describe("anthropicErrorType", () => {
  it.each([
    [400, "invalid_request_error"],
    [401, "authentication_error"],
    [402, "billing_error"],
    [403, "permission_error"],
    [404, "not_found_error"],
    [413, "request_too_large"],
    [422, "invalid_request_error"],
    [429, "rate_limit_error"],
    [500, "api_error"],
    [502, "api_error"],
    [504, "timeout_error"],
    [529, "overloaded_error"],
  ])("maps %i to %s", (status, type) => {
    expect(anthropicErrorType(status)).toBe(type);
  });

  it("builds the Anthropic error body", () => {
    expect(toAnthropicErrorBody(529, "All tiers are overloaded")).toEqual({
      type: "error",
      error: { type: "overloaded_error", message: "All tiers are overloaded" },
    });
  });
});

describe("error classes", () => {
  it("are recognised by marker, across copies of the package", () => {
    const translation = new TranslationError("bad block", { path: "messages[0]" });
    const upstream = new UpstreamResponseError({ status: 503, message: "down" });
    expect(CcrTransformError.isInstance(translation)).toBe(true);
    expect(TranslationError.isInstance(translation)).toBe(true);
    expect(UpstreamResponseError.isInstance(translation)).toBe(false);
    expect(UpstreamResponseError.isInstance(upstream)).toBe(true);
    expect(CcrTransformError.isInstance(new Error("x"))).toBe(false);
    const foreign = Object.assign(new Error("from another copy"), {
      [Symbol.for("ccr.transform.error")]: true,
    });
    expect(CcrTransformError.isInstance(foreign)).toBe(true);
  });

  it("carry what the router needs", () => {
    expect(new UpstreamResponseError({ status: 503, message: "down" })).toMatchObject({
      errorType: "api_error",
      retryable: true,
    });
    expect(new UpstreamResponseError({ status: 400, message: "bad" }).retryable).toBe(false);
    expect(new UpstreamResponseError({ status: 408, message: "slow" }).retryable).toBe(true);
    expect(new TranslationError("bad block", { path: "messages[0]" })).toMatchObject({
      status: 400,
      errorType: "invalid_request_error",
      message: "messages[0]: bad block",
    });
  });
});

describe("RequestValidationError", () => {
  it("lists five problems, counts the rest, and says request_too_large for a 413", () => {
    const issues = Array.from({ length: 7 }, (_, index) => ({
      path: `messages.${index}.role`,
      message: "bad",
    }));
    const error = new RequestValidationError(issues);
    expect(error.message).toBe(
      "messages.0.role: bad; messages.1.role: bad; messages.2.role: bad; messages.3.role: bad; messages.4.role: bad; and 2 more problems",
    );
    expect(error).toMatchObject({ status: 400, errorType: "invalid_request_error", issues });
    expect(RequestValidationError.isInstance(error)).toBe(true);
    expect(CcrTransformError.isInstance(error)).toBe(true);
    expect(TranslationError.isInstance(error)).toBe(false);
    const tooLarge = new RequestValidationError([{ path: "", message: "too big" }], { status: 413 });
    expect(tooLarge).toMatchObject({ status: 413, errorType: "request_too_large", message: "too big" });
  });
});

describe("openAIErrorMessage", () => {
  it.each([
    [{ error: { message: "Invalid API key", type: "invalid_request_error" } }, "Invalid API key"],
    [{ error: "model not found" }, "model not found"],
    [{ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, "Overloaded"],
    [
      [{ error: { code: 429, message: "Resource exhausted", status: "RESOURCE_EXHAUSTED" } }],
      "Resource exhausted",
    ],
    [{ detail: "Not authenticated" }, "Not authenticated"],
    [{ detail: [{ msg: "x", message: "field required" }] }, "field required"],
    [{ errors: [{ message: "first" }, { message: "second" }] }, "first"],
    [{ message: "plain" }, "plain"],
    [
      { error: { message: "Provider returned error", metadata: { raw: "upstream timeout" } } },
      "Provider returned error: upstream timeout",
    ],
    ["  Bad Gateway  ", "Bad Gateway"],
    [{ ok: true }, undefined],
    [null, undefined],
  ])("reads %j", (body, message) => {
    expect(openAIErrorMessage(body)).toBe(message);
  });
});

describe("openAIErrorStatus", () => {
  it.each([
    [{ error: { code: 429, message: "x" } }, 429],
    [{ error: { status: "503" } }, 503],
    [{ error: { code: "rate_limit_exceeded" } }, 429],
    [{ error: { type: "overloaded_error" } }, 529],
    [{ error: { code: 200 } }, undefined],
    [{ error: { code: "invalid_api_key" } }, undefined],
  ])("reads %j", (body, status) => {
    expect(openAIErrorStatus(body)).toBe(status);
  });
});

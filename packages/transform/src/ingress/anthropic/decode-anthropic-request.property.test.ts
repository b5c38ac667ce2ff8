import {
  type AnthropicRequestMutant,
  anthropicRequestArbitrary,
  anthropicRequestMutantArbitrary,
  fuzzParameters,
  fuzzTimeoutMs,
} from "@ccr/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolCallsAnswered } from "../../__fixtures__/tool-calls-answered.js";
import { RequestValidationError } from "../../errors/request-validation-error.js";
import { anthropicToOpenAIRequest } from "../../request/anthropic-to-openai-request.js";
import { decodeAnthropicRequest } from "./decode-anthropic-request.js";
import type { DecodedAnthropicRequest } from "./decoded-anthropic-request.js";

/**
 * Property tests, and with FUZZ_RUNS set (`pnpm fuzz`) a fuzz campaign:
 * requests shaped like Claude Code's decode unchanged and translate for an
 * OpenAI-compatible tier losing nothing; damaged ones are refused naming a
 * path, or accepted with what they added intact for both kinds of tier.
 */
describe("decodeAnthropicRequest, property-based", () => {
  it(
    "passes every valid request as it is, and its OpenAI translation keeps every text, image, tool and result",
    () => {
      fc.assert(
        fc.property(anthropicRequestArbitrary(), ({ request, markers }) => {
          const decoded = decodeAnthropicRequest(request);
          expect(decoded.request).toBe(request);
          expect(decoded).toMatchObject({ unknownBlockTypes: [], unknownFields: [], repairs: [] });
          const { body } = anthropicToOpenAIRequest(decoded.request, { reasoningEffort: true });
          const sent = JSON.stringify(body);
          for (const marker of markers) expect(sent).toContain(marker);
          expect(toolCallsAnswered(body.messages)).toBe(true);
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    "refuses a damaged request naming a path, or accepts it with what the damage added kept for every tier",
    () => {
      fc.assert(fc.property(anthropicRequestMutantArbitrary(), checkMutant), fuzzParameters(300));
    },
    fuzzTimeoutMs(),
  );
});

function checkMutant({ request, mutation, marker }: AnthropicRequestMutant): void {
  let decoded: DecodedAnthropicRequest;
  try {
    decoded = decodeAnthropicRequest(request);
  } catch (error) {
    if (!RequestValidationError.isInstance(error)) throw new Error(`${mutation}: threw ${String(error)}`);
    expect(error.issues.length, mutation).toBeGreaterThan(0);
    expect(
      error.issues.some((issue) => issue.path !== ""),
      `${mutation}: ${error.message}`,
    ).toBe(true);
    return;
  }
  const { body } = anthropicToOpenAIRequest(decoded.request);
  expect(toolCallsAnswered(body.messages), mutation).toBe(true);
  if (marker !== undefined) {
    expect(JSON.stringify(decoded.request), `${mutation}: kept for an Anthropic tier`).toContain(marker);
    expect(JSON.stringify(body), `${mutation}: kept for an OpenAI tier`).toContain(marker);
  }
  expect(({} as Record<string, unknown>).polluted, mutation).toBeUndefined();
}

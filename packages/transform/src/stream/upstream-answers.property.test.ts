import Anthropic from "@anthropic-ai/sdk";
import {
  encodeSseFrame,
  fuzzParameters,
  fuzzTimeoutMs,
  type UpstreamProtocol,
  upstreamAnswerArbitrary,
  upstreamBodyMutantArbitrary,
  upstreamStreamMutantArbitrary,
} from "@ccr/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicStreamProblems } from "../__fixtures__/anthropic-stream-problems.js";
import { parseSseText } from "../__fixtures__/chunks-to-sse.js";
import { UpstreamResponseError } from "../errors/upstream-response-error.js";
import { anthropicBlockProblem } from "../passthrough/anthropic-block-problem.js";
import { anthropicPassthroughResponse } from "../passthrough/anthropic-passthrough-response.js";
import { anthropicPassthroughTranslation } from "../passthrough/anthropic-passthrough-stream.js";
import { openAIToAnthropicResponse } from "../response/openai-to-anthropic-response.js";
import { createTranslationContext } from "../translation-context.js";
import type { AnthropicMessage } from "../types/anthropic.js";
import type { OpenAIChatResponse } from "../types/openai.js";
import { openAIToAnthropicTranslation } from "./openai-to-anthropic-stream.js";
import type { StreamTranslation } from "./stream-translation.js";

/**
 * Property tests, and with FUZZ_RUNS set (`pnpm fuzz`) a fuzz campaign, of both upstream decoders: valid
 * answers shaped as providers send them translate complete, in any split, with every marker; damaged ones
 * (a field deleted or retyped, the bytes cut anywhere, a frame injected, dropped, doubled or swapped, garbage
 * bytes, huge numbers, lone surrogates) never make the translation throw, always end it completed or failed,
 * and what reaches the client after content parses with the real @anthropic-ai/sdk or ends with an error.
 */

const PROTOCOLS: UpstreamProtocol[] = ["openai", "anthropic"];
const REQUESTED_MODEL = "claude-sonnet-4-5";
const encoder = new TextEncoder();

/** Anthropic events every client knows: others (a newer type an Anthropic upstream sent) are passed on. */
const KNOWN_EVENTS = new Set([
  "message_start",
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
  "message_delta",
  "message_stop",
  "ping",
  "error",
]);

function translation(protocol: UpstreamProtocol): StreamTranslation {
  return protocol === "openai"
    ? openAIToAnthropicTranslation(createTranslationContext(REQUESTED_MODEL, { stream: true }))
    : anthropicPassthroughTranslation(REQUESTED_MODEL);
}

/** The bytes through a translation in pieces, as the router drives it: it stops reading once it is done. */
function translate(protocol: UpstreamProtocol, bytes: Uint8Array, cuts: number[]) {
  const stream = translation(protocol);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let output = "";
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (stream.done) break;
    if (point > from) output += stream.push(bytes.subarray(from, point));
    from = point;
  }
  if (!stream.done) output += stream.end();
  return { output, facts: stream.facts };
}

/** The message the real SDK assembles from the client's stream. */
function sdkMessage(output: string) {
  const client = new Anthropic({
    apiKey: "test",
    baseURL: "http://sdk.test",
    maxRetries: 0,
    fetch: async () => new Response(output, { headers: { "content-type": "text/event-stream" } }),
  });
  return client.messages
    .stream({ model: REQUESTED_MODEL, max_tokens: 1024, messages: [{ role: "user", content: "hi" }] })
    .finalMessage();
}

/** A message a client can read: content blocks it can read, and counts that are counts. */
function expectReadable(message: AnthropicMessage, mutation: string): void {
  expect(Array.isArray(message.content), mutation).toBe(true);
  message.content.forEach((block, index) => {
    expect(anthropicBlockProblem(block, `content.${index}`), mutation).toBeUndefined();
  });
  for (const count of [message.usage.input_tokens, message.usage.output_tokens])
    expect(Number.isSafeInteger(count) && count >= 0, `${mutation}: usage ${count}`).toBe(true);
  expect(message.model, mutation).toBe(REQUESTED_MODEL);
}

describe.each(PROTOCOLS)("%s upstream answers, property-based", (protocol) => {
  it(
    "a valid stream, split anywhere, translates complete with every marker the SDK reads",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          upstreamAnswerArbitrary(protocol),
          fc.array(fc.nat(), { maxLength: 8 }),
          async (answer, cuts) => {
            const bytes = encoder.encode(answer.frames.map(encodeSseFrame).join(""));
            const { output, facts } = translate(protocol, bytes, cuts);
            expect(facts.error?.message).toBeUndefined();
            expect(facts.completed).toBe(true);
            expect(anthropicStreamProblems(parseSseText(output))).toEqual([]);
            const content = JSON.stringify((await sdkMessage(output)).content);
            for (const marker of answer.markers) expect(content).toContain(marker);
          },
        ),
        fuzzParameters(60),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    "a damaged stream never throws and ends completed or failed; what the client gets after content parses or ends with an error",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          upstreamStreamMutantArbitrary(protocol),
          fc.array(fc.nat(), { maxLength: 4 }),
          async ({ bytes, mutation }, cuts) => {
            const { output, facts } = translate(protocol, bytes, cuts);
            expect(facts.completed !== (facts.error !== undefined), `${mutation}: completed xor error`).toBe(
              true,
            );
            // Before content the router drops this attempt's output and tries again: the client sees none of it.
            if (!facts.content) {
              expect(facts.error, mutation).toBeDefined();
              return;
            }
            const events = parseSseText(output);
            const known = events.filter((event) => KNOWN_EVENTS.has(event.event ?? ""));
            expect(anthropicStreamProblems(known), mutation).toEqual([]);
            const failed = events.at(-1)?.event === "error";
            expect(failed, mutation).toBe(facts.error !== undefined);
            const read = sdkMessage(output);
            if (failed) await expect(read, mutation).rejects.toThrow();
            else expect((await read).stop_reason, mutation).not.toBeNull();
          },
        ),
        fuzzParameters(300),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    "a whole answer translates with every marker; damaged, it still gives a readable message or fails the tier",
    () => {
      const read = (body: unknown) =>
        protocol === "openai"
          ? openAIToAnthropicResponse(body as OpenAIChatResponse, createTranslationContext(REQUESTED_MODEL))
          : anthropicPassthroughResponse(body, REQUESTED_MODEL);
      fc.assert(
        fc.property(upstreamAnswerArbitrary(protocol), (answer) => {
          const message = read(answer.body);
          expectReadable(message, "valid");
          for (const marker of answer.markers) expect(JSON.stringify(message)).toContain(marker);
        }),
        fuzzParameters(100),
      );
      fc.assert(
        fc.property(upstreamBodyMutantArbitrary(protocol), ({ body, mutation }) => {
          let message: AnthropicMessage;
          try {
            message = read(body);
          } catch (error) {
            expect(UpstreamResponseError.isInstance(error), `${mutation}: threw ${String(error)}`).toBe(true);
            return;
          }
          expectReadable(message, mutation);
          expect(({} as Record<string, unknown>).polluted, mutation).toBeUndefined();
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeoutMs(),
  );
});

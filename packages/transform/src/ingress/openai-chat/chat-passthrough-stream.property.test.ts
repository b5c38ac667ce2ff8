import {
  encodeSseFrame,
  fuzzParameters,
  fuzzTimeoutMs,
  upstreamAnswerArbitrary,
  upstreamStreamMutantArbitrary,
} from "@ccr/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openAIChunkProblem } from "../../stream/openai-chunk-shape.js";
import type { OpenAIChatChunk } from "../../types/openai.js";
import { chatChunkEncoder } from "./chat-chunk-encoder.js";
import { chatPassthroughTranslation } from "./chat-passthrough-stream.js";

/**
 * Property tests of the Chat Completions passthrough with the upstream answers the Anthropic-bound decoders
 * are fuzzed with (stream/upstream-answers.property.test.ts): a valid stream, split anywhere, reaches the
 * client whole with every marker; a damaged one never throws, ends completed or failed, and what the client
 * gets after content is either well-formed chunks ending with [DONE] or ends with an error chunk.
 */

const MODEL = "my-alias";
const encoder = new TextEncoder();

function translate(bytes: Uint8Array, cuts: number[]) {
  const stream = chatPassthroughTranslation({
    requestedModel: MODEL,
    includeUsage: true,
    encoder: () => chatChunkEncoder({ model: MODEL, created: 1, includeUsage: true }),
  });
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

/** What a Chat Completions client assembles from the stream it got, or why it cannot. */
function assemble(output: string) {
  const frames = output
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => {
      expect(frame.startsWith("data: ")).toBe(true);
      return frame.slice("data: ".length);
    });
  const done = frames.at(-1) === "[DONE]";
  const chunks = (done ? frames.slice(0, -1) : frames).map((data) => JSON.parse(data) as OpenAIChatChunk);
  const failed = chunks.length > 0 && "error" in (chunks.at(-1) as object);
  let text = "";
  let finishReason: string | undefined;
  const calls = new Map<number, { name: string; args: string }>();
  const problems: string[] = [];
  for (const chunk of failed ? chunks.slice(0, -1) : chunks) {
    const problem = openAIChunkProblem(chunk);
    if (problem) problems.push(problem);
    if (chunk.model !== undefined && chunk.model !== MODEL) problems.push(`model ${chunk.model}`);
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    text += `${delta.reasoning_content ?? ""}${delta.content ?? ""}`;
    for (const [position, call] of (delta.tool_calls ?? []).entries()) {
      const seen = calls.get(call.index ?? position) ?? { name: "", args: "" };
      seen.name += call.function?.name ?? "";
      seen.args += call.function?.arguments ?? "";
      calls.set(call.index ?? position, seen);
    }
    if (choice.finish_reason) finishReason ??= choice.finish_reason;
  }
  return { done, failed, text, finishReason, calls: [...calls.values()], problems };
}

describe("chatPassthroughTranslation, property-based", () => {
  it(
    "a valid stream, split anywhere, reaches the client whole with every marker",
    () => {
      fc.assert(
        fc.property(
          upstreamAnswerArbitrary("openai"),
          fc.array(fc.nat(), { maxLength: 8 }),
          (answer, cuts) => {
            const bytes = encoder.encode(answer.frames.map(encodeSseFrame).join(""));
            const { output, facts } = translate(bytes, cuts);
            expect(facts.error?.message).toBeUndefined();
            expect(facts.completed).toBe(true);
            const client = assemble(output);
            expect(client).toMatchObject({ done: true, failed: false, problems: [] });
            const content = client.text + client.calls.map((call) => call.args).join("");
            for (const marker of answer.markers) expect(content).toContain(marker);
            for (const call of client.calls) expect(JSON.parse(call.args)).toBeTypeOf("object");
          },
        ),
        fuzzParameters(60),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    "a damaged stream never throws and ends completed or failed; after content the client gets well-formed chunks and [DONE] or an error chunk last",
    () => {
      fc.assert(
        fc.property(
          upstreamStreamMutantArbitrary("openai"),
          fc.array(fc.nat(), { maxLength: 4 }),
          ({ bytes, mutation }, cuts) => {
            const { output, facts } = translate(bytes, cuts);
            expect(facts.completed !== (facts.error !== undefined), `${mutation}: completed xor error`).toBe(
              true,
            );
            // Before content the router drops this attempt's output and tries again: the client sees none of it.
            if (!facts.content) {
              expect(facts.error, mutation).toBeDefined();
              return;
            }
            const client = assemble(output);
            expect(client.problems, mutation).toEqual([]);
            expect(client.failed, mutation).toBe(facts.error !== undefined);
            expect(client.done, mutation).toBe(facts.completed);
            if (!facts.completed) return;
            expect(client.finishReason, mutation).toBeDefined();
            for (const call of client.calls) {
              expect(call.name, mutation).not.toBe("");
              if (client.finishReason !== "length")
                expect(JSON.parse(call.args || "{}"), mutation).toBeTypeOf("object");
            }
          },
        ),
        fuzzParameters(300),
      );
    },
    fuzzTimeoutMs(),
  );
});

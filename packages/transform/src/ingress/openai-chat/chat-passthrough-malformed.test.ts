import { describe, expect, it } from "vitest";
import type { OpenAIChatChunk } from "../../types/openai.js";
import { chatChunkEncoder } from "./chat-chunk-encoder.js";
import { chatPassthroughTranslation } from "./chat-passthrough-stream.js";

/**
 * A malformed OpenAI-compatible stream relayed to a Chat Completions client fails its tier as it does on the
 * way to an Anthropic client (stream/malformed-openai-stream.test.ts): before content nothing is written and
 * the router tries again; after content the client's stream ends with an error chunk and no [DONE].
 */

const encoder = new TextEncoder();

/** A frame: an object is a chunk, a string the data of an unnamed event, `{ sse }` a raw SSE event. */
type Frame = object | string | { sse: string };

function chunk(delta: unknown, finish: unknown = null, extra: object = {}) {
  return {
    id: "c1",
    created: 7,
    model: "up",
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra,
  };
}

const call = (fields: object) => chunk({ tool_calls: [{ index: 0, id: "call_1", ...fields }] });

function run(frames: Frame[]) {
  const translation = chatPassthroughTranslation({
    requestedModel: "my-alias",
    includeUsage: true,
    encoder: () => chatChunkEncoder({ model: "my-alias", created: 1, includeUsage: true }),
  });
  const text = frames
    .map((frame) =>
      typeof frame === "string"
        ? `data: ${frame}\n\n`
        : "sse" in frame
          ? `${frame.sse}\n\n`
          : `data: ${JSON.stringify(frame)}\n\n`,
    )
    .join("");
  const output = translation.push(encoder.encode(text)) + translation.end();
  const data = output
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => frame.slice("data: ".length));
  return { output, data, facts: translation.facts };
}

const text = chunk({ content: "Hello" });
const stop = chunk({}, "stop");

describe("a malformed OpenAI stream relayed to a Chat Completions client fails its tier", () => {
  it.each<[string, Frame[], RegExp, "before content" | "after content"]>([
    [
      "a frame that is not JSON, first",
      ["{not json", stop, "[DONE]"],
      /a frame that is not JSON/,
      "before content",
    ],
    [
      "a frame that is not JSON, after text",
      [text, "{not json", stop, "[DONE]"],
      /not JSON/,
      "after content",
    ],
    [
      "a frame that is a number",
      [text, "42", stop],
      /a frame that is a number, not a chunk/,
      "after content",
    ],
    ["an array that is not an error", ["[1,2]", "[DONE]"], /a frame that is an array/, "before content"],
    ["a chunk without choices or usage", [{ id: "x" }], /choices: required/, "before content"],
    [
      "choices of the wrong type",
      [text, { id: "x", choices: { 0: {} } }],
      /choices: expected an array/,
      "after content",
    ],
    ["a delta that is a string", [chunk("Hello")], /choices\.0\.delta: expected an object/, "before content"],
    [
      "content that is a number",
      [chunk({ content: 5 })],
      /delta\.content: expected a string/,
      "before content",
    ],
    [
      "finish_reason that is a number",
      [text, chunk({}, 5)],
      /finish_reason: expected a string/,
      "after content",
    ],
    [
      "a tool call index that is a string",
      [chunk({ tool_calls: [{ index: "0", id: "a" }] })],
      /tool_calls\.0\.index: expected a non-negative integer/,
      "before content",
    ],
    [
      "arguments that are a number",
      [call({ function: { name: "Read", arguments: 5 } })],
      /function\.arguments: expected a JSON string/,
      "before content",
    ],
    [
      "arguments that never close",
      [
        call({ function: { name: "Read", arguments: '{"file_path": "/a' } }),
        chunk({}, "tool_calls"),
        "[DONE]",
      ],
      /tool call call_1 \(Read\) has arguments that are not a JSON object: \{"file_path": "\/a/,
      "after content",
    ],
    [
      "arguments that are JSON but no object",
      [call({ function: { name: "Read", arguments: "[1]" } }), chunk({}, "tool_calls"), "[DONE]"],
      /has arguments that are not a JSON object: \[1\]/,
      "after content",
    ],
    [
      "arguments that never close, ended by [DONE] alone",
      [call({ function: { name: "Read", arguments: '{"a":' } }), "[DONE]"],
      /has arguments that are not a JSON object/,
      "after content",
    ],
    [
      "arguments that never close, cut by the end of the body",
      [call({ function: { name: "Read", arguments: '{"a":' } })],
      /upstream stream ended unexpectedly/,
      "after content",
    ],
    [
      "a tool call whose name never comes",
      [call({ function: { arguments: '{"a":1}' } }), chunk({}, "tool_calls"), "[DONE]"],
      /tool call call_1 has no name/,
      "after content",
    ],
    [
      "content after the finish_reason",
      [text, stop, chunk({ content: " more" }), "[DONE]"],
      /content after the choice's finish_reason/,
      "after content",
    ],
  ])("%s", (_name, frames, reason, when) => {
    const { facts, output, data } = run(frames);
    expect(facts.completed).toBe(false);
    expect(facts.error?.message).toMatch(/^upstream (sent a malformed answer|stream ended)/);
    expect(facts.error?.message).toMatch(reason);
    expect(facts.error?.status).toBe(502);
    expect(facts.error?.retryable).toBe(true);
    if (when === "before content") {
      expect(facts.content).toBe(false);
      expect(output).toBe("");
      return;
    }
    expect(facts.content).toBe(true);
    expect(data).not.toContain("[DONE]");
    const chunks = data.map((each) => JSON.parse(each) as OpenAIChatChunk & { error?: { message: string } });
    expect(chunks.at(-1)?.error?.message).toBe(facts.error?.message);
    // Nothing of the malformed frame reached the client (the error's message may quote it).
    expect(data.slice(0, -1).join("")).not.toMatch(/not json| more/);
  });
});

describe("harmless oddities of a relayed OpenAI stream pass, with nothing lost", () => {
  it("skips empty events and named events that are not chunks, and ignores what comes after [DONE]", () => {
    const { facts, data } = run([
      { sse: "data:" },
      { sse: "event: ping\ndata: ping" },
      { sse: "event: ping\ndata: {}" },
      text,
      stop,
      "[DONE]",
      chunk({ content: "after" }),
    ]);
    expect(facts.completed).toBe(true);
    expect(data).toHaveLength(3);
    expect(data.join("")).not.toContain("after");
  });

  it("gives a turn ended by [DONE] without a finish_reason the one the Anthropic-bound translation gives", () => {
    const answered = run([text, "[DONE]"]);
    expect(answered.facts).toMatchObject({ completed: true, stopReason: "end_turn" });
    expect(answered.data.slice(1)).toEqual([
      JSON.stringify({
        id: "c1",
        object: "chat.completion.chunk",
        created: 7,
        model: "my-alias",
        choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
      }),
      "[DONE]",
    ]);
    const called = run([call({ function: { name: "Read", arguments: '{"a":1}' } }), "[DONE]"]);
    expect(called.facts).toMatchObject({ completed: true, stopReason: "tool_use" });
    expect(JSON.parse(called.data.at(-2) as string).choices[0].finish_reason).toBe("tool_calls");
  });

  it("keeps a tool call cut by the output limit, with finish_reason length saying so", () => {
    const { facts, data } = run([
      call({ function: { name: "Write", arguments: '{"content": "long' } }),
      chunk({}, "length"),
      "[DONE]",
    ]);
    expect(facts).toMatchObject({ completed: true, stopReason: "max_tokens" });
    expect(data.at(-1)).toBe("[DONE]");
  });

  it("takes Gemini's calls that all come as index 0 with their own ids as separate calls", () => {
    const gemini = (id: string, args: string) =>
      chunk({ tool_calls: [{ index: 0, id, function: { name: "Read", arguments: args } }] });
    const { facts } = run([
      gemini("a", '{"x":1}'),
      gemini("b", '{"y":2}'),
      chunk({}, "tool_calls"),
      "[DONE]",
    ]);
    expect(facts.completed).toBe(true);
  });

  it("writes the client's model name over one of another type", () => {
    const { data } = run([{ ...text, model: 42 }, stop, "[DONE]"]);
    expect(JSON.parse(data[0] as string).model).toBe("my-alias");
  });
});

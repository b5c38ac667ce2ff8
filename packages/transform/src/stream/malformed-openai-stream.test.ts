import { describe, expect, it } from "vitest";
import { anthropicStreamProblems } from "../__fixtures__/anthropic-stream-problems.js";
import { parseSseText } from "../__fixtures__/chunks-to-sse.js";
import { createTranslationContext } from "../translation-context.js";
import { openAIToAnthropicTranslation } from "./openai-to-anthropic-stream.js";

/**
 * Each way an OpenAI-compatible upstream's stream can be malformed, and what CCR does with it: a failure of
 * the tier with a reason naming what was wrong (cascade before content, an error frame after it), or, for a
 * harmless oddity, the answer as it should be. Never an exception, never a cut answer passed as complete.
 */

const encoder = new TextEncoder();

/** A frame: an object is a chunk, a string the data of an unnamed event, `{ sse }` a raw SSE event. */
type Frame = object | string | { sse: string };

function chunk(delta: unknown, finish: unknown = null, extra: object = {}) {
  return { id: "c1", choices: [{ index: 0, delta, finish_reason: finish }], ...extra };
}

const call = (fields: object) => chunk({ tool_calls: [{ index: 0, id: "call_1", ...fields }] });

function run(frames: Frame[]) {
  const translation = openAIToAnthropicTranslation(
    createTranslationContext("claude-sonnet-4-5", { stream: true }),
  );
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
  return { output, facts: translation.facts, events: parseSseText(output) };
}

const text = chunk({ content: "Hello" });
const stop = chunk({}, "stop");

describe("a malformed OpenAI stream fails its tier, with the reason", () => {
  it.each<[string, Frame[], RegExp, "before content" | "after content"]>([
    [
      "a frame that is not JSON, first",
      ["{not json", stop, "[DONE]"],
      /a frame that is not JSON: \{not json/,
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
      [text, "42", stop, "[DONE]"],
      /a frame that is a number, not a chunk/,
      "after content",
    ],
    ["a frame that is null", ["null", "[DONE]"], /a frame that is null/, "before content"],
    ["an array that is not an error", ["[1,2]", "[DONE]"], /a frame that is an array/, "before content"],
    [
      "a chunk without choices or usage",
      [{ id: "x" }, "[DONE]"],
      /choices: required in a chunk that carries no usage/,
      "before content",
    ],
    [
      "choices of the wrong type",
      [text, { id: "x", choices: { 0: {} } }],
      /choices: expected an array, got an object/,
      "after content",
    ],
    [
      "a choice that is not an object",
      [{ id: "x", choices: [null] }],
      /choices\.0: expected an object, got null/,
      "before content",
    ],
    [
      "a delta that is a string",
      [chunk("Hello")],
      /choices\.0\.delta: expected an object, got a string/,
      "before content",
    ],
    [
      "content that is a number",
      [chunk({ content: 5 })],
      /choices\.0\.delta\.content: expected a string, got a number/,
      "before content",
    ],
    [
      "content that is a list of parts",
      [chunk({ content: [{ type: "text", text: "Hi" }] })],
      /delta\.content: expected a string, got an array/,
      "before content",
    ],
    [
      "a refusal that is an object",
      [chunk({ refusal: {} })],
      /delta\.refusal: expected a string/,
      "before content",
    ],
    [
      "finish_reason that is a number",
      [text, chunk({}, 5)],
      /choices\.0\.finish_reason: expected a string, got a number/,
      "after content",
    ],
    [
      "tool_calls that is an object",
      [chunk({ tool_calls: { index: 0 } })],
      /delta\.tool_calls: expected an array, got an object/,
      "before content",
    ],
    [
      "a tool call that is null",
      [chunk({ tool_calls: [null] })],
      /delta\.tool_calls\.0: expected an object, got null/,
      "before content",
    ],
    [
      "a tool call index that is a string",
      [chunk({ tool_calls: [{ index: "0", id: "a" }] })],
      /tool_calls\.0\.index: expected a non-negative integer, got a string/,
      "before content",
    ],
    [
      "a negative tool call index",
      [chunk({ tool_calls: [{ index: -1, id: "a" }] })],
      /tool_calls\.0\.index: expected a non-negative integer, got -1/,
      "before content",
    ],
    [
      "a tool call id that is a number",
      [call({ id: 5, function: { name: "Read" } })],
      /tool_calls\.0\.id: expected a string, got a number/,
      "before content",
    ],
    [
      "a function that is a string",
      [call({ function: "Read" })],
      /tool_calls\.0\.function: expected an object, got a string/,
      "before content",
    ],
    [
      "a tool name that is a number",
      [call({ function: { name: 7 } })],
      /function\.name: expected a string, got a number/,
      "before content",
    ],
    [
      "arguments that are a number",
      [call({ function: { name: "Read", arguments: 5 } })],
      /function\.arguments: expected a JSON string, got a number/,
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
      "arguments that are not JSON",
      [call({ function: { name: "Read", arguments: "}}}" } }), chunk({}, "tool_calls"), "[DONE]"],
      /has arguments that are not a JSON object: \}\}\}/,
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
      "before content",
    ],
    [
      "content after the finish_reason",
      [text, stop, chunk({ content: " more" }), "[DONE]"],
      /content after the choice's finish_reason/,
      "after content",
    ],
  ])("%s", (_name, frames, reason, when) => {
    const { facts, output, events } = run(frames);
    expect(facts.completed).toBe(false);
    expect(facts.error?.message).toMatch(/^upstream (sent a malformed answer|stream ended)/);
    expect(facts.error?.message).toMatch(reason);
    expect(facts.error?.status).toBe(502);
    expect(facts.error?.retryable).toBe(true);
    if (when === "before content") {
      // Nothing of it reaches the client: the router tries again or cascades.
      expect(facts.content).toBe(false);
      expect(events.map((event) => event.event).filter((name) => name !== "message_start")).toEqual([]);
    } else {
      expect(facts.content).toBe(true);
      expect(anthropicStreamProblems(events)).toEqual([]);
      expect(events.at(-1)?.event).toBe("error");
      expect(output).toContain(JSON.stringify(facts.error?.message).slice(1, 40));
    }
  });
});

describe("harmless oddities of an OpenAI stream pass, with nothing lost", () => {
  it("ignores what comes after [DONE]", () => {
    const { facts, events } = run([text, stop, "[DONE]", chunk({ content: "after" }), "{garbage"]);
    expect(facts.completed).toBe(true);
    expect(JSON.stringify(events)).not.toContain("after");
  });

  it("reads the usage-only chunk without choices", () => {
    const usage = { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 };
    const { facts } = run([text, stop, { id: "c1", usage }, "[DONE]"]);
    expect(facts.completed).toBe(true);
    expect(facts.usage).toMatchObject({ inputTokens: 9, outputTokens: 3 });
  });

  it("counts usage that is not a count as 0, and estimates usage that is not an object", () => {
    const garbled = run([
      text,
      chunk({}, "stop", { usage: { prompt_tokens: "9", completion_tokens: -3 } }),
      "[DONE]",
    ]);
    expect(garbled.facts.completed).toBe(true);
    const delta = garbled.events.find((event) => event.event === "message_delta")?.data as { usage: object };
    expect(delta.usage).toMatchObject({ input_tokens: 0, output_tokens: 0 });
    const huge = run([
      text,
      chunk({}, "stop", { usage: { prompt_tokens: 1e300, completion_tokens: 2.6 } }),
      "[DONE]",
    ]);
    expect(huge.facts.usage).toMatchObject({ inputTokens: 0, outputTokens: 3 });
    const notAnObject = run([text, chunk({}, "stop", { usage: 5 }), "[DONE]"]);
    expect(notAnObject.facts.usage).toMatchObject({ outputTokens: 2 });
  });

  it("skips empty events and named events that are not chunks (keep-alives of other dialects)", () => {
    const { facts, events } = run([
      { sse: "data:" },
      { sse: "event: ping\ndata: ping" },
      { sse: "event: ping\ndata: {}" },
      text,
      stop,
      "[DONE]",
    ]);
    expect(facts.completed).toBe(true);
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });

  it("leaves out reasoning in a shape it does not read, and keeps the answer", () => {
    const { facts, output } = run([chunk({ reasoning: { steps: ["x"] }, content: "Hello" }), stop, "[DONE]"]);
    expect(facts.completed).toBe(true);
    expect(output).toContain('"text":"Hello"');
    expect(output).not.toContain("thinking");
  });

  it("takes a tool call without an index as the call at its position", () => {
    const { facts, output } = run([
      chunk({ tool_calls: [{ id: "call_1", function: { name: "Read", arguments: '{"file_path":' } }] }),
      chunk({ tool_calls: [{ function: { arguments: '"/a"}' } }] }),
      chunk({}, "tool_calls"),
      "[DONE]",
    ]);
    expect(facts.completed).toBe(true);
    expect(facts.stopReason).toBe("tool_use");
    expect(output).toContain('"partial_json":"\\"/a\\"}"');
  });

  it("keeps a tool call cut by the output limit, as Anthropic does, with max_tokens saying so", () => {
    const { facts, output } = run([
      call({ function: { name: "Write", arguments: '{"content": "long' } }),
      chunk({}, "length"),
      "[DONE]",
    ]);
    expect(facts.completed).toBe(true);
    expect(facts.stopReason).toBe("max_tokens");
    expect(output).toContain('"partial_json":"{\\"content\\": \\"long"');
  });

  it("reads an id that is not a string as no id", () => {
    const { facts, events } = run([{ ...text, id: 42 }, stop, "[DONE]"]);
    expect(facts.completed).toBe(true);
    expect(events[0]?.data).toMatchObject({ message: { id: expect.stringMatching(/^msg_[0-9a-f]{32}$/) } });
  });
});

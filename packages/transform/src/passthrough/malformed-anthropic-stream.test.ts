import { describe, expect, it } from "vitest";
import { anthropicStreamProblems } from "../__fixtures__/anthropic-stream-problems.js";
import { parseSseText } from "../__fixtures__/chunks-to-sse.js";
import { anthropicPassthroughTranslation } from "./anthropic-passthrough-stream.js";

/**
 * Each way an Anthropic-compatible upstream's stream can be malformed, and what CCR does with it: a failure
 * of the tier with a reason naming what was wrong (cascade before content, an error frame after it), or, for
 * a harmless oddity, the answer repaired or as it came. Never an exception, never a cut answer passed as
 * complete, never a stream the SDK or Claude Code would misread.
 */

const encoder = new TextEncoder();

/** An event: `[name, data]` (data as an object, or a string sent as it is), or a raw SSE string. */
type Frame = [string, unknown] | string;

const messageStart: Frame = [
  "message_start",
  {
    type: "message_start",
    message: {
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "up",
      content: [],
      usage: { input_tokens: 3, output_tokens: 1 },
    },
  },
];
const textStart: Frame = [
  "content_block_start",
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
];
const textDelta = (text: unknown, index = 0): Frame => [
  "content_block_delta",
  { type: "content_block_delta", index, delta: { type: "text_delta", text } },
];
const blockStop = (index = 0): Frame => ["content_block_stop", { type: "content_block_stop", index }];
const messageDelta: Frame = [
  "message_delta",
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null },
    usage: { output_tokens: 5 },
  },
];
const messageStop: Frame = ["message_stop", { type: "message_stop" }];
const toolStart: Frame = [
  "content_block_start",
  {
    type: "content_block_start",
    index: 0,
    content_block: { type: "tool_use", id: "toolu_1", name: "Bash", input: {} },
  },
];

function run(frames: Frame[]) {
  const translation = anthropicPassthroughTranslation("claude-sonnet-4-5");
  const text = frames
    .map((frame) =>
      typeof frame === "string"
        ? `${frame}\n\n`
        : `event: ${frame[0]}\ndata: ${typeof frame[1] === "string" ? frame[1] : JSON.stringify(frame[1])}\n\n`,
    )
    .join("");
  const output = translation.push(encoder.encode(text)) + translation.end();
  return { output, facts: translation.facts, events: parseSseText(output) };
}

describe("a malformed Anthropic stream fails its tier, with the reason", () => {
  it.each<[string, Frame[], RegExp, "before content" | "after content"]>([
    [
      "message_start without a message",
      [["message_start", { type: "message_start" }], textStart],
      /message_start\.message: expected an object, got nothing/,
      "before content",
    ],
    [
      "message_start whose message is a string",
      [["message_start", { type: "message_start", message: "hi" }]],
      /message_start\.message: expected an object, got a string/,
      "before content",
    ],
    [
      "message_start that is not JSON",
      [["message_start", "{oops"]],
      /message_start that is not JSON/,
      "before content",
    ],
    [
      "a block before message_start",
      [textStart, messageStart],
      /content_block_start before message_start/,
      "before content",
    ],
    [
      "a second message_start",
      [messageStart, textStart, textDelta("Hi"), messageStart],
      /a second message_start/,
      "after content",
    ],
    [
      "a block numbered from 1",
      [
        messageStart,
        [
          "content_block_start",
          { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
        ],
      ],
      /content_block_start\.index: expected 0, got 1/,
      "before content",
    ],
    [
      "a block without an index",
      [
        messageStart,
        ["content_block_start", { type: "content_block_start", content_block: { type: "text", text: "" } }],
      ],
      /content_block_start\.index: expected 0, got undefined/,
      "before content",
    ],
    [
      "a block without content_block",
      [messageStart, ["content_block_start", { type: "content_block_start", index: 0 }]],
      /content_block_start\.content_block: expected an object, got nothing/,
      "before content",
    ],
    [
      "a block whose type is a number",
      [
        messageStart,
        ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: 3 } }],
      ],
      /content_block\.type: expected a string, got a number/,
      "before content",
    ],
    [
      "a text block without text",
      [
        messageStart,
        ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text" } }],
      ],
      /content_block\.text: expected a string, got nothing/,
      "before content",
    ],
    [
      "a tool_use block without a name",
      [
        messageStart,
        [
          "content_block_start",
          { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "t", input: {} } },
        ],
      ],
      /content_block\.name: expected a non-empty string, got nothing/,
      "before content",
    ],
    [
      "a tool_use block with an empty id",
      [
        messageStart,
        [
          "content_block_start",
          {
            type: "content_block_start",
            index: 0,
            content_block: { type: "tool_use", id: "", name: "Bash", input: {} },
          },
        ],
      ],
      /content_block\.id: expected a non-empty string, got an empty one/,
      "before content",
    ],
    [
      "a delta for a block that never started",
      [messageStart, textStart, textDelta("Hi"), textDelta("x", 3)],
      /content_block_delta for block 3, which is not open/,
      "after content",
    ],
    [
      "a delta for a block already stopped",
      [messageStart, textStart, textDelta("Hi"), blockStop(), textDelta("late")],
      /content_block_delta for block 0, which is not open/,
      "after content",
    ],
    [
      "a delta without its delta",
      [messageStart, textStart, ["content_block_delta", { type: "content_block_delta", index: 0 }]],
      /content_block_delta\.delta: expected an object, got nothing/,
      "after content",
    ],
    [
      "a text delta whose text is a number",
      [messageStart, textStart, textDelta(5)],
      /content_block_delta\.delta\.text: expected a string, got a number/,
      "after content",
    ],
    [
      "a delta of the wrong kind for its block",
      [messageStart, toolStart, textDelta("Hi")],
      /content_block_delta\.delta: a text_delta for a tool_use block/,
      "after content",
    ],
    [
      "an input_json_delta without partial_json",
      [
        messageStart,
        toolStart,
        [
          "content_block_delta",
          { type: "content_block_delta", index: 0, delta: { type: "input_json_delta" } },
        ],
      ],
      /delta\.partial_json: expected a string, got nothing/,
      "after content",
    ],
    [
      "an event that is not JSON after the start",
      [messageStart, textStart, ["content_block_delta", "{cut"]],
      /an event that is not a JSON object: \{cut/,
      "after content",
    ],
    [
      "an event that is a JSON number",
      [messageStart, textStart, ["content_block_delta", "7"]],
      /an event that is not a JSON object: 7/,
      "after content",
    ],
    [
      "content after message_delta",
      [
        messageStart,
        textStart,
        textDelta("Hi"),
        blockStop(),
        messageDelta,
        [
          "content_block_start",
          { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
        ],
      ],
      /content_block_start after message_delta/,
      "after content",
    ],
    [
      "message_delta without its delta",
      [
        messageStart,
        textStart,
        textDelta("Hi"),
        blockStop(),
        ["message_delta", { type: "message_delta", usage: { output_tokens: 1 } }],
      ],
      /message_delta\.delta: expected an object, got nothing/,
      "after content",
    ],
    [
      "message_stop without message_delta",
      [messageStart, textStart, textDelta("Hi"), blockStop(), messageStop],
      /message_stop without message_delta/,
      "after content",
    ],
    [
      "a tool call whose input is no JSON object",
      [
        messageStart,
        toolStart,
        [
          "content_block_delta",
          {
            type: "content_block_delta",
            index: 0,
            delta: { type: "input_json_delta", partial_json: '{"a":1}}' },
          },
        ],
        blockStop(),
        messageDelta,
      ],
      /the input of tool call block 0 is not a JSON object: \{"a":1\}\}/,
      "after content",
    ],
    [
      "a tool call whose input object never closes, without max_tokens",
      [
        messageStart,
        toolStart,
        [
          "content_block_delta",
          {
            type: "content_block_delta",
            index: 0,
            delta: { type: "input_json_delta", partial_json: '{"a":' },
          },
        ],
        messageDelta,
      ],
      /the input of tool call block 0 is not a JSON object: \{"a":/,
      "after content",
    ],
    [
      "a second message_delta",
      [messageStart, textStart, textDelta("Hi"), blockStop(), messageDelta, messageDelta],
      /a second message_delta/,
      "after content",
    ],
    [
      "message_delta without a stop reason",
      [
        messageStart,
        textStart,
        textDelta("Hi"),
        blockStop(),
        [
          "message_delta",
          { type: "message_delta", delta: { stop_reason: null }, usage: { output_tokens: 1 } },
        ],
      ],
      /message_delta\.delta\.stop_reason: expected a string, got null/,
      "after content",
    ],
    [
      "a stream cut before message_stop",
      [messageStart, textStart, textDelta("Hi")],
      /upstream stream ended unexpectedly/,
      "after content",
    ],
    [
      "a body that is not an event stream",
      ["<html>Bad Gateway</html>"],
      /not an event stream: <html>Bad Gateway<\/html>/,
      "before content",
    ],
  ])("%s", (_name, frames, reason, when) => {
    const { facts, events } = run(frames);
    expect(facts.completed).toBe(false);
    expect(facts.error?.message).toMatch(reason);
    expect(facts.error?.status).toBe(502);
    if (when === "before content") {
      expect(facts.content).toBe(false);
      expect(events.map((event) => event.event).filter((name) => name !== "message_start")).toEqual([]);
    } else {
      expect(facts.content).toBe(true);
      expect(anthropicStreamProblems(events)).toEqual([]);
      expect(events.at(-1)?.event).toBe("error");
    }
  });
});

describe("harmless oddities of an Anthropic stream pass, repaired or as they came", () => {
  it("gives a message_start without content or usage empty ones", () => {
    const { facts, events } = run([
      ["message_start", { type: "message_start", message: { id: "m" } }],
      textStart,
      textDelta("Hi"),
      blockStop(),
      messageDelta,
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(events[0]?.data).toEqual({
      type: "message_start",
      message: {
        id: "m",
        model: "claude-sonnet-4-5",
        content: [],
        usage: { input_tokens: 0, output_tokens: 0 },
      },
    });
  });

  it("stops a block left open at message_delta, and gives a message_delta without usage an output count of 0", () => {
    const { facts, events } = run([
      messageStart,
      textStart,
      textDelta("Hi"),
      ["message_delta", { type: "message_delta", delta: { stop_reason: "end_turn" } }],
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(anthropicStreamProblems(events)).toEqual([]);
    expect(events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(events[4]?.data).toMatchObject({ usage: { output_tokens: 0 } });
  });

  it("keeps a tool call cut by the output limit, as Anthropic's API sends it", () => {
    const { facts, events } = run([
      messageStart,
      toolStart,
      [
        "content_block_delta",
        {
          type: "content_block_delta",
          index: 0,
          delta: { type: "input_json_delta", partial_json: '{"command": "ls' },
        },
      ],
      blockStop(),
      [
        "message_delta",
        { type: "message_delta", delta: { stop_reason: "max_tokens" }, usage: { output_tokens: 9 } },
      ],
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(facts.stopReason).toBe("max_tokens");
    expect(anthropicStreamProblems(events)).toEqual([]);
  });

  it("stops the open block when the next one starts", () => {
    const { facts, events } = run([
      messageStart,
      textStart,
      textDelta("Hi"),
      [
        "content_block_start",
        { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      ],
      textDelta("there", 1),
      blockStop(1),
      messageDelta,
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(anthropicStreamProblems(events)).toEqual([]);
  });

  it("drops a stop for a block that is not open, so no client ends a block twice", () => {
    const { facts, events } = run([
      messageStart,
      textStart,
      textDelta("Hi"),
      blockStop(),
      blockStop(),
      blockStop(7),
      messageDelta,
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(events.filter((event) => event.event === "content_block_stop")).toHaveLength(1);
  });

  it("ignores what comes after message_stop", () => {
    const { facts, output } = run([
      messageStart,
      textStart,
      textDelta("Hi"),
      blockStop(),
      messageDelta,
      messageStop,
      textDelta("after"),
      "garbage",
    ]);
    expect(facts.completed).toBe(true);
    expect(output).not.toContain("after");
  });

  it("passes pings, events and deltas of types it does not know, and writes an event under its own name", () => {
    const { facts, events } = run([
      ["ping", ""],
      messageStart,
      ["ping", "not json"],
      ["hologram_event", { type: "hologram_event", payload: "MRK1" }],
      [
        "content_block_start",
        { type: "content_block_start", index: 0, content_block: { type: "hologram", payload: "MRK2" } },
      ],
      [
        "content_block_delta",
        { type: "content_block_delta", index: 0, delta: { type: "hologram_delta", payload: "MRK3" } },
      ],
      blockStop(),
      ["message_delta", { type: "wrong", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 1 } }],
      messageStop,
    ]);
    expect(facts.completed).toBe(true);
    expect(anthropicStreamProblems(events.filter((event) => event.event !== "hologram_event"))).toEqual([]);
    expect(JSON.stringify(events)).toContain("MRK1");
    expect(JSON.stringify(events)).toContain("MRK3");
    expect(events.find((event) => event.event === "message_delta")?.data).toMatchObject({
      type: "message_delta",
    });
    expect(events.filter((event) => event.event === "ping")).toEqual([
      { event: "ping", data: { type: "ping" } },
    ]);
  });
});

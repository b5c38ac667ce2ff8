import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anthropicEventsFixture, eventsToSse } from "../../__fixtures__/anthropic-sse.js";
import { UpstreamResponseError } from "../../errors/upstream-response-error.js";
import { anthropicStreamDecoder } from "../../passthrough/anthropic-passthrough-stream.js";
import { messageEvents } from "../../stream/message-events.js";
import { translateStream } from "../../stream/stream-translation.js";
import type { AnthropicMessage } from "../../types/anthropic.js";
import { responsesEventEncoder } from "./responses-event-encoder.js";
import type { ResponsesAnswerOptions } from "./responses-output.js";
import type { ClientToolName } from "./responses-tools.js";

const encoder = new TextEncoder();

function options(overrides: Partial<ResponsesAnswerOptions> = {}): ResponsesAnswerOptions {
  return {
    model: "codex-alias",
    createdAt: 1764072000,
    names: new Map<string, ClientToolName>(),
    reasoningSummary: true,
    echo: { parallel_tool_calls: true },
    ...overrides,
  };
}

type Event = { type: string; sequence_number: number; [key: string]: unknown };

function parse(text: string): Event[] {
  return text
    .split("\n\n")
    .filter((frame) => frame !== "")
    .map((frame) => {
      const [eventLine, dataLine] = frame.split("\n");
      const event = JSON.parse((dataLine as string).slice("data: ".length)) as Event;
      expect(eventLine).toBe(`event: ${event.type}`);
      return event;
    });
}

/** A recorded Anthropic upstream stream, as a Responses client gets it, cut at the given byte offsets. */
function fromFixture(name: string, cuts: number[] = [], answer = options()): string {
  const bytes = encoder.encode(eventsToSse(anthropicEventsFixture(name)));
  const translation = translateStream(
    (events) => anthropicStreamDecoder("m", events),
    responsesEventEncoder(answer),
  );
  let out = "";
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    out += translation.push(bytes.slice(from, cut));
    from = cut;
  }
  return out + translation.push(bytes.slice(from)) + translation.end();
}

function fromMessage(message: AnthropicMessage, answer = options()): Event[] {
  const encoderOf = responsesEventEncoder(answer);
  for (const event of messageEvents(message)) encoderOf.event(event);
  return parse(encoderOf.take());
}

const base: Omit<AnthropicMessage, "content"> = {
  id: "msg_x",
  type: "message",
  role: "assistant",
  model: "m",
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 10, cache_read_input_tokens: 5, output_tokens: 4 },
};

describe("responsesEventEncoder", () => {
  it("writes the event sequence Codex and the SDK act on, each item's authoritative copy, then response.completed", () => {
    const events = parse(fromFixture("anthropic-tool-use"));
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.reasoning_summary_part.added",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.done",
      "response.reasoning_summary_part.done",
      "response.output_item.done",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.output_item.added",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const done = events
      .filter((event) => event.type === "response.output_item.done")
      .map((event) => event.item);
    const completed = events.at(-1)?.response as Record<string, unknown>;
    expect(completed).toMatchObject({
      id: "resp_01XFDUDYJgAACzvnptvVoYEL",
      object: "response",
      status: "completed",
      model: "codex-alias",
      parallel_tool_calls: true,
      usage: {
        input_tokens: 13359,
        input_tokens_details: { cached_tokens: 11264 },
        output_tokens: 89,
        total_tokens: 13448,
      },
    });
    expect(completed.output).toEqual(done);
    expect(done).toEqual([
      {
        id: "rs_01XFDUDYJgAACzvnptvVoYEL_0",
        type: "reasoning",
        summary: [
          { type: "summary_text", text: "The user wants the file listing; I'll run ls — ünïcode ok." },
        ],
      },
      {
        id: "msg_01XFDUDYJgAACzvnptvVoYEL_1",
        type: "message",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text: "Let me list the files 📁.", annotations: [] }],
      },
      {
        id: "fc_01XFDUDYJgAACzvnptvVoYEL_2",
        type: "function_call",
        status: "completed",
        call_id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        name: "Bash",
        arguments: '{"command": "ls -la", "description": "List files"}',
      },
    ]);
  });

  it("gives the same output for any split of the input bytes", () => {
    const whole = fromFixture("anthropic-tool-use");
    const length = encoder.encode(eventsToSse(anthropicEventsFixture("anthropic-tool-use"))).length;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 20 }), (cuts) => {
        expect(fromFixture("anthropic-tool-use", cuts)).toBe(whole);
      }),
      { numRuns: 50 },
    );
  });

  it("writes reasoning as raw reasoning text when no summary was asked for", () => {
    const events = fromMessage(
      { ...base, stop_reason: "end_turn", content: [{ type: "thinking", thinking: "hmm" }] },
      options({ reasoningSummary: false }),
    );
    expect(events.map((event) => event.type)).toContain("response.reasoning_text.delta");
    expect(events.find((event) => event.type === "response.output_item.done")?.item).toEqual({
      id: "rs_x_0",
      type: "reasoning",
      summary: [],
      content: [{ type: "reasoning_text", text: "hmm" }],
    });
  });

  it("answers a custom tool with a custom_tool_call whose input is sent whole, and a namespaced tool with its namespace", () => {
    const names = new Map<string, ClientToolName>([
      ["apply_patch", { name: "apply_patch", custom: true }],
      ["multi_agent_v1__wait", { name: "wait", namespace: "multi_agent_v1", custom: false }],
    ]);
    const events = fromMessage(
      {
        ...base,
        content: [
          { type: "tool_use", id: "call_1", name: "apply_patch", input: { input: "*** Begin Patch\n" } },
          { type: "tool_use", id: "call_2", name: "multi_agent_v1__wait", input: {} },
        ],
      },
      options({ names }),
    );
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.custom_tool_call_input.delta",
      "response.custom_tool_call_input.done",
      "response.output_item.done",
      "response.output_item.added",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const done = events
      .filter((event) => event.type === "response.output_item.done")
      .map((event) => event.item);
    expect(done).toEqual([
      {
        id: "ctc_x_0",
        type: "custom_tool_call",
        call_id: "call_1",
        name: "apply_patch",
        input: "*** Begin Patch\n",
      },
      {
        id: "fc_x_1",
        type: "function_call",
        status: "completed",
        call_id: "call_2",
        name: "wait",
        namespace: "multi_agent_v1",
        arguments: "{}",
      },
    ]);
  });

  it("ends an answer cut by the output limit with response.incomplete", () => {
    const events = fromMessage({
      ...base,
      stop_reason: "max_tokens",
      content: [{ type: "text", text: "partial" }],
    });
    expect(events.at(-1)).toMatchObject({
      type: "response.incomplete",
      response: { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } },
    });
  });

  it("ends a stream that fails after content with response.failed and the error's message", () => {
    const events = parse(fromFixture("anthropic-error-mid-stream"));
    expect(events.at(-1)).toMatchObject({
      type: "response.failed",
      response: {
        status: "failed",
        error: { code: "server_error", message: "upstream error: Internal server error" },
      },
    });
    const encoderOf = responsesEventEncoder(options());
    encoderOf.error(new UpstreamResponseError({ status: 429, message: "slow down" }));
    expect(parse(encoderOf.take())[0]).toMatchObject({
      type: "response.failed",
      response: { error: { code: "rate_limit_exceeded", message: "slow down" } },
    });
  });
});

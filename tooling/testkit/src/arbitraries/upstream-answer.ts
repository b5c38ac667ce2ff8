import fc from "fast-check";
import type { SseFrame } from "../behaviour.js";

/** The protocol an upstream answers in. */
export type UpstreamProtocol = "openai" | "anthropic";

/** A valid upstream answer, as a stream and as one JSON body, with a marker in each piece of content. */
export type GeneratedUpstreamAnswer = {
  protocol: UpstreamProtocol;
  /** The answer as the upstream streams it: OpenAI Chat chunks (and `[DONE]`), or Anthropic events. */
  frames: SseFrame[];
  /** The same answer as a non-streaming JSON body. */
  body: Record<string, unknown>;
  /**
   * One unique string in the thinking, in the text and in each tool call's input: a translation that loses
   * nothing has every one of them in the message the client assembles.
   */
  markers: string[];
};

const prose = fc.oneof(fc.string({ maxLength: 16 }), fc.string({ unit: "grapheme", maxLength: 8 }));
const keyName = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_"),
  minLength: 1,
  maxLength: 8,
});

const answerPlan = fc.record({
  thinking: fc.array(prose, { maxLength: 3 }),
  text: fc.array(prose, { minLength: 1, maxLength: 4 }),
  calls: fc.array(
    fc.record({
      name: keyName,
      input: fc.dictionary(keyName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      /** Where the arguments' JSON is cut into pieces. */
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
    }),
    { maxLength: 3 },
  ),
  inputTokens: fc.nat({ max: 200_000 }),
  outputTokens: fc.nat({ max: 20_000 }),
  /** OpenAI: usage in the finish chunk, in a chunk of its own after it, or none. */
  usage: fc.constantFrom("finish", "separate", "none"),
  /** OpenAI: the stream ends with `[DONE]` (or only with the end of the body after its finish). */
  done: fc.boolean(),
  /** Anthropic: pings between events. */
  pings: fc.boolean(),
});

type AnswerPlan = typeof answerPlan extends fc.Arbitrary<infer T> ? T : never;

/** Valid streamed and whole answers of an upstream of `protocol`, shaped as real providers send them. */
export function upstreamAnswerArbitrary(protocol: UpstreamProtocol): fc.Arbitrary<GeneratedUpstreamAnswer> {
  return answerPlan.map((plan) => {
    const markers: string[] = [];
    const mark = () => {
      const marker = `MRKu${markers.length + 1}Z`;
      markers.push(marker);
      return marker;
    };
    const thinking = plan.thinking.length > 0 ? [...plan.thinking, mark()] : [];
    const text = [...plan.text.slice(0, 1), mark(), ...plan.text.slice(1)];
    const calls = plan.calls.map((call, index) => {
      const json = JSON.stringify({ ...call.input, marker: mark() });
      return { id: `call_${index}`, name: call.name, json, pieces: split(json, call.cuts) };
    });
    const answer = { thinking, text, calls };
    return {
      protocol,
      markers,
      ...(protocol === "openai" ? openAIAnswer(answer, plan) : anthropicAnswer(answer, plan)),
    };
  });
}

type Answer = {
  thinking: string[];
  text: string[];
  calls: { id: string; name: string; json: string; pieces: string[] }[];
};

function openAIAnswer(answer: Answer, plan: AnswerPlan): Pick<GeneratedUpstreamAnswer, "frames" | "body"> {
  const usage = {
    prompt_tokens: plan.inputTokens,
    completion_tokens: plan.outputTokens,
    total_tokens: plan.inputTokens + plan.outputTokens,
  };
  const head = {
    id: "chatcmpl-up",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "up-model",
  };
  const chunk = (delta: object, finish: string | null = null, extra: object = {}) => ({
    data: { ...head, choices: [{ index: 0, delta, finish_reason: finish }], ...extra },
  });
  const finish = answer.calls.length > 0 ? "tool_calls" : "stop";
  const frames: SseFrame[] = [
    chunk({ role: "assistant", content: "" }),
    ...answer.thinking.map((piece) => chunk({ reasoning_content: piece })),
    ...answer.text.map((piece) => chunk({ content: piece })),
  ];
  answer.calls.forEach((call, index) => {
    frames.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
      }),
    );
    for (const piece of call.pieces)
      frames.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  frames.push(chunk({}, finish, plan.usage === "finish" ? { usage } : {}));
  if (plan.usage === "separate") frames.push({ data: { ...head, choices: [], usage } });
  if (plan.done) frames.push({ data: "[DONE]" });
  const message: Record<string, unknown> = { role: "assistant", content: answer.text.join("") };
  if (answer.thinking.length > 0) message.reasoning_content = answer.thinking.join("");
  if (answer.calls.length > 0)
    message.tool_calls = answer.calls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.json },
    }));
  const body = {
    ...head,
    object: "chat.completion",
    choices: [{ index: 0, message, finish_reason: finish }],
    ...(plan.usage === "none" ? {} : { usage }),
  };
  return { frames, body };
}

function anthropicAnswer(answer: Answer, plan: AnswerPlan): Pick<GeneratedUpstreamAnswer, "frames" | "body"> {
  const frames: SseFrame[] = [];
  const event = (data: Record<string, unknown>) => {
    frames.push({ event: data.type as string, data });
    if (plan.pings && frames.length % 3 === 0) frames.push({ event: "ping", data: { type: "ping" } });
  };
  const message = {
    id: "msg_up",
    type: "message",
    role: "assistant",
    model: "up-model",
    content: [] as unknown[],
    stop_reason: null as string | null,
    stop_sequence: null,
    usage: { input_tokens: plan.inputTokens, output_tokens: 1 },
  };
  event({ type: "message_start", message: { ...message } });
  const blocks: Record<string, unknown>[] = [];
  const block = (
    start: Record<string, unknown>,
    deltas: Record<string, unknown>[],
    whole: Record<string, unknown>,
  ) => {
    const index = blocks.length;
    blocks.push(whole);
    event({ type: "content_block_start", index, content_block: start });
    for (const delta of deltas) event({ type: "content_block_delta", index, delta });
    event({ type: "content_block_stop", index });
  };
  if (answer.thinking.length > 0) {
    const signature = "EqQBCgIYAhIMsig";
    block(
      { type: "thinking", thinking: "", signature: "" },
      [
        ...answer.thinking.map((thinking) => ({ type: "thinking_delta", thinking })),
        { type: "signature_delta", signature },
      ],
      { type: "thinking", thinking: answer.thinking.join(""), signature },
    );
  }
  block(
    { type: "text", text: "" },
    answer.text.map((text) => ({ type: "text_delta", text })),
    { type: "text", text: answer.text.join("") },
  );
  for (const call of answer.calls) {
    const id = `toolu_${call.id}`;
    block(
      { type: "tool_use", id, name: call.name, input: {} },
      call.pieces.map((partial_json) => ({ type: "input_json_delta", partial_json })),
      { type: "tool_use", id, name: call.name, input: JSON.parse(call.json) },
    );
  }
  const stopReason = answer.calls.length > 0 ? "tool_use" : "end_turn";
  event({
    type: "message_delta",
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: plan.outputTokens },
  });
  event({ type: "message_stop" });
  const body = {
    ...message,
    content: blocks,
    stop_reason: stopReason,
    usage: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
  };
  return { frames, body };
}

/** `text` cut at the given points (taken modulo its length), in order, every piece kept. */
function split(text: string, cuts: number[]): string[] {
  if (text.length < 2) return [text];
  const points = [...new Set(cuts.map((cut) => 1 + (cut % (text.length - 1))))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  return pieces;
}

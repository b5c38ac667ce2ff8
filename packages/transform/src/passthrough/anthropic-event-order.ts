import { jsonKind } from "../errors/malformed-answer-error.js";
import { isRecord } from "../transformer/transformer-options.js";
import type { AnthropicStreamEvent } from "../types/anthropic.js";
import { anthropicBlockProblem, anthropicDeltaProblem } from "./anthropic-block-problem.js";

/** Blocks whose deltas carry a tool call's input, as JSON text in pieces. */
const TOOL_BLOCKS = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/**
 * The order of a started Anthropic message's events, checked as they pass with a few fields of state: blocks
 * numbered 0, 1, 2... one open at a time, deltas only for the open block and of its kind, no content after
 * `message_delta`, one `message_delta` with the stop reason before `message_stop`, and each tool call's input a JSON
 * object. A block left open when the next starts or at `message_delta` is stopped here (the stop carries
 * nothing), through `emit`.
 *
 * A tool call's input is whole only at its block's stop, and only `message_delta` says whether the output
 * limit cut it: a call cut there keeps its cut object, as Anthropic's API sends it (`max_tokens` tells the
 * client, and the SDK reads a cut object); otherwise input that is no JSON object fails the answer at
 * `message_delta`, before the client is told the message ended well. The input is kept as text only while
 * its block is open, and parsed once, at its stop.
 */
export class AnthropicEventOrder {
  #nextIndex = 0;
  #openIndex: number | undefined;
  #openType = "";
  /** The open tool block's input so far; undefined when the open block is not a tool call. */
  #toolInput: string | undefined;
  /** A tool call whose input is no JSON object, and one whose input is an object cut short. */
  #brokenInput: string | undefined;
  #cutInput: string | undefined;
  #ending = false;

  constructor(private readonly emit: (event: AnthropicStreamEvent) => void) {}

  /** Why an event of `type` breaks the order, or undefined when it may pass (the order then moves on). */
  admit(type: string, data: Record<string, unknown>): string | undefined {
    switch (type) {
      case "message_start":
        return "a second message_start";
      case "content_block_start":
        return this.#start(data);
      case "content_block_delta": {
        if (this.#openIndex === undefined || data.index !== this.#openIndex)
          return `content_block_delta for block ${String(data.index)}, which is not open`;
        const problem = anthropicDeltaProblem(data.delta, this.#openType, "content_block_delta.delta");
        const delta = data.delta as { type: string; partial_json?: string };
        if (!problem && this.#toolInput !== undefined && delta.type === "input_json_delta")
          this.#toolInput += delta.partial_json;
        return problem;
      }
      case "message_delta": {
        if (this.#ending) return "a second message_delta";
        if (!isRecord(data.delta))
          return `message_delta.delta: expected an object, got ${jsonKind(data.delta)}`;
        if (typeof data.delta.stop_reason !== "string")
          return `message_delta.delta.stop_reason: expected a string, got ${jsonKind(data.delta.stop_reason)}`;
        this.#closeOpen();
        this.#ending = true;
        return this.#brokenInput ?? (data.delta.stop_reason === "max_tokens" ? undefined : this.#cutInput);
      }
      case "message_stop":
        return this.#ending
          ? undefined
          : "message_stop without message_delta: the message has no stop reason";
      default:
        return undefined;
    }
  }

  /**
   * A `content_block_stop`: whether it stops the open block. One for a block that is not open is dropped:
   * it carries nothing, and a client would end a block twice.
   */
  stop(index: unknown): boolean {
    if (this.#openIndex === undefined || index !== this.#openIndex) return false;
    this.#stopped();
    return true;
  }

  #start(data: Record<string, unknown>): string | undefined {
    if (this.#ending) return "content_block_start after message_delta";
    if (data.index !== this.#nextIndex)
      return `content_block_start.index: expected ${this.#nextIndex}, got ${String(data.index)}`;
    const block = data.content_block;
    const problem = anthropicBlockProblem(block, "content_block_start.content_block");
    if (problem) return problem;
    this.#closeOpen();
    this.#openIndex = this.#nextIndex++;
    this.#openType = (block as { type: string }).type;
    this.#toolInput = TOOL_BLOCKS.has(this.#openType) ? "" : undefined;
    return undefined;
  }

  #closeOpen(): void {
    if (this.#openIndex === undefined) return;
    this.emit({ type: "content_block_stop", index: this.#openIndex });
    this.#stopped();
  }

  #stopped(): void {
    const input = this.#toolInput;
    if (input !== undefined && input.trim() !== "" && !isJsonObject(input)) {
      const problem = `the input of tool call block ${this.#openIndex} is not a JSON object: ${input.slice(0, 200)}`;
      if (input.trimStart().startsWith("{")) this.#cutInput ??= problem;
      else this.#brokenInput ??= problem;
    }
    this.#openIndex = undefined;
    this.#toolInput = undefined;
  }
}

function isJsonObject(text: string): boolean {
  try {
    return isRecord(JSON.parse(text));
  } catch {
    return false;
  }
}

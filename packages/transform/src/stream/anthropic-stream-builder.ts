import { messageId } from "../message-id.js";
import { openAIUsageToAnthropic } from "../response/openai-usage-to-anthropic.js";
import { toolArgumentsText } from "../tool-arguments-text.js";
import { normalizeToolId } from "../tool-ids.js";
import { restoreToolName } from "../tool-names.js";
import type { TranslationContext } from "../translation-context.js";
import type { AnthropicStopReason, AnthropicStreamEvent } from "../types/anthropic.js";
import type { OpenAIToolCallDelta, OpenAIUsage } from "../types/openai.js";

type ToolCall = {
  id: string;
  name: string | undefined;
  /** Anthropic block index once the block is started. */
  blockIndex: number | undefined;
  /** Arguments received so far; for a started block, only what it has not been sent yet is in `pending`. */
  args: string;
  pending: string;
  /** Whether the last non-blank character of `args` is "}": only then can they be complete. */
  endsWithBrace: boolean;
  /** Whether `args` parsed as a complete JSON object, as of length `checkedLength`. */
  complete: boolean;
  checkedLength: number;
};

/** Upstreams that report no usage still get an output count: about 4 characters a token. */
const CHARS_PER_TOKEN = 4;

type OpenBlock =
  | { kind: "thinking" | "text"; index: number }
  | { kind: "tool"; index: number; call: ToolCall };

/**
 * The Anthropic side of a translated stream: turns "more reasoning", "more
 * text", "a tool call piece" and "finished" into well-formed Anthropic
 * events. One block is open at a time and every block is stopped. Parallel
 * tool calls that the upstream interleaves (arguments for call 1 arriving
 * before call 0's JSON is complete) are held back and emitted whole when
 * their turn comes, so each tool_use block receives exactly its own input.
 */
export class AnthropicStreamBuilder {
  private started = false;
  private open: OpenBlock | undefined;
  private nextIndex = 0;
  /** Every tool call by upstream key, in arrival order (which is also the order held-back calls are emitted in). */
  private readonly calls = new Map<string, ToolCall>();
  private usage: OpenAIUsage | undefined;
  private sawToolUse = false;
  private stopReason: AnthropicStopReason | undefined;
  /** Text and thinking that arrived while a tool call's JSON was still incomplete. */
  private readonly deferred: Array<{ kind: "thinking" | "text"; text: string }> = [];
  /** Characters of output, for the estimate when the upstream reports no usage. */
  private outputChars = 0;

  constructor(
    private readonly context: TranslationContext,
    private readonly emit: (event: AnthropicStreamEvent) => void,
  ) {}

  get hasStarted(): boolean {
    return this.started;
  }

  get isFinished(): boolean {
    return this.stopReason !== undefined;
  }

  start(upstreamId: string | undefined, usage: OpenAIUsage | null | undefined): void {
    if (this.started) return;
    this.started = true;
    if (usage) this.usage = usage;
    this.emit({
      type: "message_start",
      message: {
        id: messageId(upstreamId),
        type: "message",
        role: "assistant",
        model: this.context.requestedModel,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: openAIUsageToAnthropic(usage),
      },
    });
  }

  recordUsage(usage: OpenAIUsage): void {
    this.usage = usage;
  }

  thinking(text: string): void {
    this.content("thinking", text);
  }

  text(text: string): void {
    this.content("text", text);
  }

  /**
   * Text or thinking that interrupts a tool call whose JSON is incomplete
   * (a stray "\n" between argument pieces) waits until the call's block can
   * close; closing it early would leave the rest of its arguments with no
   * open block to go to.
   */
  private content(kind: "thinking" | "text", text: string): void {
    if (text === "") return;
    this.outputChars += text.length;
    if (this.deferred.length > 0 || this.toolBlockIncomplete()) {
      this.deferred.push({ kind, text });
      return;
    }
    this.emitContent(kind, text);
  }

  private emitContent(kind: "thinking" | "text", text: string): void {
    const index = this.ensureBlock(kind);
    this.emit({
      type: "content_block_delta",
      index,
      delta: kind === "text" ? { type: "text_delta", text } : { type: "thinking_delta", thinking: text },
    });
  }

  private toolBlockIncomplete(): boolean {
    return this.open?.kind === "tool" && !isComplete(this.open.call);
  }

  private releaseDeferred(): void {
    if (this.deferred.length === 0 || this.toolBlockIncomplete()) return;
    for (const { kind, text } of this.deferred.splice(0)) this.emitContent(kind, text);
  }

  toolCall(delta: OpenAIToolCallDelta, position: number): void {
    const call = this.callFor(delta, position);
    if (delta.function?.name && call.name === undefined) call.name = delta.function.name;
    const piece = toolArgumentsText(delta.function?.arguments);
    call.args += piece;
    call.pending += piece;
    this.outputChars += piece.length;
    const last = piece.trimEnd();
    if (last !== "") call.endsWithBrace = last.endsWith("}");
    this.handleToolCall(call);
    this.releaseDeferred();
  }

  private handleToolCall(call: ToolCall): void {
    const open = this.open;
    // A started call streams live. A block is closed only once its JSON is complete (or the turn
    // finished), so what still comes for it is trailing noise: a closed block must get no delta.
    if (call.blockIndex !== undefined) {
      if (open?.kind === "tool" && open.call === call) this.flushArgs(call);
      else call.pending = "";
      return;
    }
    // Held back until the open call's JSON is complete (interleaved calls) or its name is known.
    if ((open?.kind === "tool" && !isComplete(open.call)) || call.name === undefined) return;
    this.closeOpen();
    this.startTool(call);
  }

  /**
   * Closes every block; the message itself ends later, in `end`, once the usage-only chunk had its chance.
   * Returns why the turn cannot end well instead (see `toolCallProblem`), emitting nothing.
   */
  finish(finishReason: AnthropicStopReason): string | undefined {
    const problem = this.toolCallProblem(finishReason);
    if (problem) return problem;
    this.closeAll();
    // Claude Code waits for tool results after tool_use: say so only when there are tool calls to run.
    if (finishReason === "tool_use" || finishReason === "end_turn")
      this.stopReason = this.sawToolUse ? "tool_use" : "end_turn";
    else this.stopReason = finishReason;
    return undefined;
  }

  /** Ends the message; for a turn that never finished, returns why it cannot end well instead, as `finish`. */
  end(): string | undefined {
    if (this.stopReason === undefined) {
      const problem = this.toolCallProblem(undefined);
      if (problem) return problem;
    }
    this.closeAll();
    const usage = openAIUsageToAnthropic(this.usage);
    if (this.usage === undefined) usage.output_tokens = Math.ceil(this.outputChars / CHARS_PER_TOKEN);
    this.emit({
      type: "message_delta",
      delta: {
        stop_reason: this.stopReason ?? (this.sawToolUse ? "tool_use" : "end_turn"),
        stop_sequence: null,
      },
      usage: {
        input_tokens: usage.input_tokens,
        output_tokens: usage.output_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
        cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
      },
    });
    this.emit({ type: "message_stop" });
    return undefined;
  }

  /**
   * Why the turn's tool calls cannot go to the client as they are: a call that never got a name, or whose
   * arguments are not a JSON object once the upstream is done with them. Their pieces may already be out, so
   * the answer fails rather than hand Claude Code a call it cannot run. A turn cut by the output limit
   * (`max_tokens`) keeps a call whose object was cut short, as Anthropic's own API does: the stop reason
   * tells the client, and the SDK reads a cut object. At most one JSON.parse per call, once per turn.
   */
  private toolCallProblem(stopReason: AnthropicStopReason | undefined): string | undefined {
    for (const call of this.calls.values()) {
      if (call.name === undefined) return `tool call ${call.id} has no name`;
      if (call.args.trim() === "" || isComplete(call)) continue;
      if (stopReason === "max_tokens" && call.args.trimStart().startsWith("{")) continue;
      return `tool call ${call.id} (${call.name}) has arguments that are not a JSON object: ${call.args.slice(0, 200)}`;
    }
    return undefined;
  }

  private closeAll(): void {
    this.closeOpen();
    this.releaseDeferred();
    this.closeOpen();
    this.flushHeldBack();
  }

  private ensureBlock(kind: "thinking" | "text"): number {
    if (this.open?.kind === kind) return this.open.index;
    this.closeOpen();
    const index = this.nextIndex++;
    this.open = { kind, index };
    this.emit({
      type: "content_block_start",
      index,
      content_block: kind === "text" ? { type: "text", text: "" } : { type: "thinking", thinking: "" },
    });
    return index;
  }

  private startTool(call: ToolCall): void {
    const index = this.nextIndex++;
    call.blockIndex = index;
    this.sawToolUse = true;
    this.open = { kind: "tool", index, call };
    this.emit({
      type: "content_block_start",
      index,
      content_block: {
        type: "tool_use",
        id: call.id,
        name: restoreToolName(this.context, call.name ?? ""),
        input: {},
      },
    });
    this.flushArgs(call);
  }

  private flushArgs(call: ToolCall): void {
    if (call.pending === "" || call.blockIndex === undefined) return;
    this.emit({
      type: "content_block_delta",
      index: call.blockIndex,
      delta: { type: "input_json_delta", partial_json: call.pending },
    });
    call.pending = "";
  }

  private closeOpen(): void {
    if (!this.open) return;
    this.emit({ type: "content_block_stop", index: this.open.index });
    this.open = undefined;
  }

  private flushHeldBack(): void {
    for (const call of this.calls.values()) {
      if (call.blockIndex !== undefined) continue;
      this.startTool(call);
      this.closeOpen();
    }
  }

  /**
   * Calls are keyed by their upstream index. Gemini's OpenAI endpoint sends
   * every call as index 0 with its own id, so a new id on a named call at a
   * known index starts a new call.
   */
  private callFor(delta: OpenAIToolCallDelta, position: number): ToolCall {
    const index = delta.index ?? position;
    let key = `${index}`;
    let call = this.calls.get(key);
    if (call && delta.id && call.name !== undefined && normalizeToolId(delta.id) !== call.id) {
      key = `${index}:${delta.id}`;
      call = this.calls.get(key);
    }
    if (!call) {
      call = {
        id: normalizeToolId(delta.id || `toolu_${crypto.randomUUID().replace(/-/g, "")}`),
        name: undefined,
        blockIndex: undefined,
        args: "",
        pending: "",
        endsWithBrace: false,
        complete: false,
        checkedLength: 0,
      };
      this.calls.set(key, call);
    }
    return call;
  }
}

/**
 * Whether a tool call's arguments so far form a complete JSON object: the
 * signal that the upstream has moved on to the next call rather than
 * interleaving them. Empty is not complete: OpenAI opens parallel calls with
 * empty arguments in one chunk, then interleaves their pieces. Parsed at
 * most once per new piece ending in "}", so a long call costs no re-scans.
 */
function isComplete(call: ToolCall): boolean {
  if (call.checkedLength === call.args.length) return call.complete;
  call.checkedLength = call.args.length;
  call.complete = false;
  if (!call.endsWithBrace) return false;
  try {
    JSON.parse(call.args);
    call.complete = true;
  } catch {
    // Not complete yet.
  }
  return call.complete;
}

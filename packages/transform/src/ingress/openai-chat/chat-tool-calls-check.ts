import { toolArgumentsText } from "../../tool-arguments-text.js";
import type { OpenAIChunkDelta } from "../../types/openai.js";

interface CallSeen {
  readonly id: string | undefined;
  name: string | undefined;
  args: string;
}

/**
 * The tool calls of a relayed Chat Completions stream, pieced together only to be judged when the turn ends:
 * a Chat Completions client assembles the calls itself, from the very chunks it got, so a call that never got
 * a name or whose arguments never became a JSON object would reach it as a call it cannot run. The same rule
 * as the Anthropic-bound translation (AnthropicStreamBuilder): a turn cut by the output limit (`length`) keeps
 * a call whose object was cut short, since the finish reason tells the client.
 */
export class ChatToolCallsCheck {
  /** Calls by upstream index; Gemini sends every call as index 0 with its own id, keyed `index:id`. */
  readonly #calls = new Map<string, CallSeen>();

  /** Whether any tool call came. */
  get any(): boolean {
    return this.#calls.size > 0;
  }

  /** Takes a chunk's delta (already checked to be of the right shape). */
  add(delta: OpenAIChunkDelta | undefined): void {
    const calls = delta?.tool_calls;
    if (Array.isArray(calls)) {
      for (const [position, call] of calls.entries())
        this.#piece(call.index ?? position, call.id, call.function);
    } else if (delta?.function_call != null) {
      // The legacy single-function form older servers still stream.
      this.#piece(0, undefined, delta.function_call as { name?: unknown; arguments?: unknown });
    }
  }

  /** Why the calls cannot end the turn as they are, given its finish reason (undefined for a bare [DONE]). */
  problem(finishReason: string | undefined): string | undefined {
    for (const call of this.#calls.values()) {
      const id = call.id ?? "without an id";
      if (call.name === undefined) return `tool call ${id} has no name`;
      const args = call.args.trim();
      if (args === "" || isJsonObject(args)) continue;
      if (finishReason === "length" && args.startsWith("{")) continue;
      return `tool call ${id} (${call.name}) has arguments that are not a JSON object: ${args.slice(0, 200)}`;
    }
    return undefined;
  }

  #piece(
    index: number,
    id: string | null | undefined,
    fn: { name?: unknown; arguments?: unknown } | undefined,
  ) {
    let key = `${index}`;
    let call = this.#calls.get(key);
    if (call && id && call.name !== undefined && id !== call.id) {
      key = `${index}:${id}`;
      call = this.#calls.get(key);
    }
    if (!call) {
      call = { id: id || undefined, name: undefined, args: "" };
      this.#calls.set(key, call);
    }
    if (typeof fn?.name === "string" && fn.name !== "" && call.name === undefined) call.name = fn.name;
    call.args += toolArgumentsText(fn?.arguments);
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

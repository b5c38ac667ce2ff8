import type { TokenUsage } from "@ccr/metrics";
import { SseFrames } from "./sse-frames.js";

const WATCHED = new Set(["message_start", "message_delta", "message_stop", "error"]);

/**
 * Watches the translated Anthropic SSE on its way to the client, without altering it: usage from
 * `message_start` and `message_delta` (for metrics), whether `message_stop` arrived (a stream that
 * ends without it was truncated), and whether an `error` frame was sent. Only the few frames it
 * needs are decoded and JSON-parsed; content deltas are skipped by their event line.
 */
export class StreamObserver {
  // The formatter of every stream the router relays writes `event: ` with its space.
  readonly #frames = new SseFrames(["event: message_", "event: error"]);
  #input?: number;
  #output?: number;
  #cacheRead?: number;
  #cacheCreation?: number;
  completed = false;
  error?: { readonly type: string; readonly message: string };

  observe(chunk: Uint8Array): void {
    this.#frames.scan(chunk, (name, frame) => {
      if (WATCHED.has(name)) this.#frame(name, frame());
      return true;
    });
  }

  usage(): TokenUsage | undefined {
    if (this.#input === undefined && this.#output === undefined) return undefined;
    return {
      inputTokens: this.#input ?? 0,
      outputTokens: this.#output ?? 0,
      cacheReadTokens: this.#cacheRead ?? 0,
      cacheCreationTokens: this.#cacheCreation ?? 0,
    };
  }

  #frame(event: string, frame: string): void {
    if (event === "message_stop") {
      this.completed = true;
      return;
    }
    const data = frameData(frame);
    if (data === undefined) return;
    if (event === "error") {
      const error = (data as { error?: { type?: unknown; message?: unknown } }).error;
      this.error = {
        type: typeof error?.type === "string" ? error.type : "api_error",
        message: typeof error?.message === "string" ? error.message : "upstream error",
      };
      return;
    }
    const usage =
      event === "message_start"
        ? (data as { message?: { usage?: Record<string, unknown> } }).message?.usage
        : (data as { usage?: Record<string, unknown> }).usage;
    if (!usage) return;
    this.#input = numberOr(usage.input_tokens, this.#input);
    this.#output = numberOr(usage.output_tokens, this.#output);
    this.#cacheRead = numberOr(usage.cache_read_input_tokens, this.#cacheRead);
    this.#cacheCreation = numberOr(usage.cache_creation_input_tokens, this.#cacheCreation);
  }
}

function frameData(frame: string): unknown {
  let data = "";
  for (const line of frame.split(/\r?\n/)) {
    if (line.startsWith("data:")) data += (data ? "\n" : "") + line.slice(line.startsWith("data: ") ? 6 : 5);
  }
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

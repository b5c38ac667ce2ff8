import { SseFrames } from "./sse-frames.js";

/** What the events held so far say: keep holding, content has begun, or the upstream failed before any. */
export type HeldVerdict =
  | { readonly kind: "wait" }
  | { readonly kind: "content" }
  | { readonly kind: "error"; readonly type: string; readonly message: string };

const PREAMBLE = new Set(["message_start", "ping"]);

/**
 * The translated events of a stream before the client is answered. OpenAI-compatible upstreams often send
 * a role-only chunk at once (translated to `message_start`) and fail only after it; holding until the first
 * content event lets such failures cascade like any other, at no cost to time-to-first-token.
 */
export class HeldEvents {
  readonly #chunks: Uint8Array[] = [];
  readonly #frames = new SseFrames();

  add(chunk: Uint8Array): HeldVerdict {
    this.#chunks.push(chunk);
    let verdict: HeldVerdict = { kind: "wait" };
    this.#frames.scan(chunk, (name, frame) => {
      if (PREAMBLE.has(name)) return true;
      verdict = name === "error" ? { kind: "error", ...errorOf(frame()) } : { kind: "content" };
      return false;
    });
    return verdict;
  }

  /** Every held byte, in order: what the client gets first. */
  bytes(): Uint8Array {
    if (this.#chunks.length === 1) return this.#chunks[0]!;
    const out = new Uint8Array(this.#chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

function errorOf(frame: string): { type: string; message: string } {
  const data = frame
    .split(/\r?\n/)
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5))
    .join("\n");
  try {
    const error = (JSON.parse(data) as { error?: { type?: unknown; message?: unknown } }).error;
    return {
      type: typeof error?.type === "string" ? error.type : "api_error",
      message: typeof error?.message === "string" ? error.message : "upstream error",
    };
  } catch {
    return { type: "api_error", message: data || "upstream error" };
  }
}

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
  readonly #decoder = new TextDecoder();
  #pending = "";

  add(chunk: Uint8Array): HeldVerdict {
    this.#chunks.push(chunk);
    const text = this.#pending + this.#decoder.decode(chunk, { stream: true });
    const end = text.lastIndexOf("\n\n");
    this.#pending = end < 0 ? text : text.slice(end + 2);
    if (end < 0) return { kind: "wait" };
    for (const frame of text.slice(0, end).split("\n\n")) {
      const event = /^event: ?(\S+)/m.exec(frame)?.[1];
      if (event === undefined || PREAMBLE.has(event)) continue;
      if (event === "error") return { kind: "error", ...errorOf(frame) };
      return { kind: "content" };
    }
    return { kind: "wait" };
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
    .split("\n")
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

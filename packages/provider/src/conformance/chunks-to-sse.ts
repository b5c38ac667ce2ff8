import type { WireProtocol } from "../wire-protocol.js";

/**
 * One line of a `.chunks.txt` fixture: a JSON chunk, or an SSE comment (a line starting with `:`,
 * such as OpenRouter's `: OPENROUTER PROCESSING` keep-alives), which the rebuilt stream keeps.
 */
export type FixtureLine =
  | { readonly kind: "chunk"; readonly value: unknown }
  | { readonly kind: "comment"; readonly text: string };

/** Parses a `.chunks.txt` fixture: one JSON chunk or `:` comment a line; blank lines ignored. */
export function parseChunkLines(text: string): FixtureLine[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line, index): FixtureLine => {
      if (line.startsWith(":")) return { kind: "comment", text: line };
      try {
        return { kind: "chunk", value: JSON.parse(line) as unknown };
      } catch {
        throw new Error(`line ${index + 1} of the chunks fixture is not JSON: ${line.slice(0, 80)}`);
      }
    });
}

/** The JSON chunks of a parsed fixture, in order. */
export function chunksOf(lines: readonly FixtureLine[]): unknown[] {
  return lines.flatMap((line) => (line.kind === "chunk" ? [line.value] : []));
}

/**
 * The SSE body the provider sent, rebuilt from its fixture lines: `data:` lines closed by `[DONE]`
 * for OpenAI; `event:` + `data:` pairs named by each event's `type` for Anthropic.
 */
export function chunksToSse(lines: readonly FixtureLine[], protocol: WireProtocol): string {
  const frames = lines.map((line) => {
    if (line.kind === "comment") return `${line.text}\n\n`;
    if (protocol === "openai") return `data: ${JSON.stringify(line.value)}\n\n`;
    const type = (line.value as { type?: unknown }).type;
    return `event: ${typeof type === "string" ? type : "message"}\ndata: ${JSON.stringify(line.value)}\n\n`;
  });
  return frames.join("") + (protocol === "openai" ? "data: [DONE]\n\n" : "");
}

/** A byte stream delivering `text` in a few pieces, as a network would. */
export function streamOf(text: string, pieceSize = 97): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + pieceSize));
      offset += pieceSize;
    },
  });
}

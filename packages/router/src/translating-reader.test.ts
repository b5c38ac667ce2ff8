import {
  createTranslationContext,
  openAIToAnthropicTranslation,
  UpstreamResponseError,
} from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { type ChunkedBodyResponse, type ChunkReader, upstreamChunks } from "./chunk-reader.js";
import { TranslatingReader } from "./translating-reader.js";

const encoder = new TextEncoder();
const sse = (...chunks: unknown[]) => chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("");
const chunk = (delta: object, finish: string | null = null) => ({
  id: "c1",
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** A Response whose body may only be read through `chunks()`: touching `body` fails the test. */
function chunkedResponse(pieces: (string | Uint8Array)[], onCancel?: () => void): ChunkedBodyResponse {
  const queue = pieces.map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece));
  const reader: ChunkReader = {
    read: async () => {
      const value = queue.shift();
      return value ? { done: false, value } : { done: true, value: undefined };
    },
    cancel: async () => onCancel?.(),
  };
  return Object.defineProperties(new Response(null), {
    chunks: { value: () => reader },
    body: {
      get() {
        throw new Error("the web body was built");
      },
    },
  }) as ChunkedBodyResponse;
}

async function readAll(reader: TranslatingReader): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}

const translation = () => openAIToAnthropicTranslation(createTranslationContext("claude-sonnet-4-5"));

describe("TranslatingReader over a chunked body", () => {
  it("translates the upstream without building a web stream, whatever the chunk boundaries", async () => {
    const text = sse(
      chunk({ role: "assistant", content: "" }),
      chunk({ content: "héllo" }),
      chunk({}, "stop"),
    );
    const cut = text.indexOf("é") + 1; // inside the two bytes of é
    const bytes = encoder.encode(text);
    const response = chunkedResponse([bytes.slice(0, cut), bytes.slice(cut), "data: [DONE]\n\n"]);
    const out = await readAll(new TranslatingReader(upstreamChunks(response)!, translation()));
    expect(out).toMatch(/"text":"héllo"/);
    expect(out).toMatch(/event: message_stop\n/);
  });

  it("rejects the read with the upstream's error when it fails before any output", async () => {
    const response = chunkedResponse([sse({ error: { message: "quota exceeded", code: 429 } })]);
    const reader = new TranslatingReader(upstreamChunks(response)!, translation());
    const failure = await reader.read().catch((error: unknown) => error);
    expect(UpstreamResponseError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/quota exceeded/);
  });

  it("drops the rest of an upstream that lingers after [DONE]", async () => {
    let cancelled = false;
    const response = chunkedResponse(
      [sse(chunk({ content: "hi" }), chunk({}, "stop")) + "data: [DONE]\n\n", "data: late\n\n"],
      () => {
        cancelled = true;
      },
    );
    const reader = new TranslatingReader(upstreamChunks(response)!, translation());
    expect(await readAll(reader)).toMatch(/event: message_stop\n/);
    expect(cancelled).toBe(true);
  });
});

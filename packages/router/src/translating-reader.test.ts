import { Readable } from "node:stream";
import {
  createTranslationContext,
  openAIToAnthropicTranslation,
  UpstreamResponseError,
} from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { type IterableBodyResponse, upstreamChunks } from "./chunk-reader.js";
import { TranslatingReader } from "./translating-reader.js";

const encoder = new TextEncoder();
const sse = (...chunks: unknown[]) => chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("");
const chunk = (delta: object, finish: string | null = null) => ({
  id: "c1",
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** A Response whose body may only be read through `chunks()`: touching `body` fails the test. */
function iterableResponse(pieces: (string | Uint8Array)[], onDestroy?: () => void): IterableBodyResponse {
  const node = Readable.from(pieces.map((piece) => Buffer.from(piece)));
  if (onDestroy) node.once("close", onDestroy);
  return Object.defineProperties(new Response(null), {
    chunks: { value: () => node },
    body: {
      get() {
        throw new Error("the web body was built");
      },
    },
  }) as IterableBodyResponse;
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

describe("TranslatingReader over an iterable body", () => {
  it("translates the upstream without building a web stream, whatever the chunk boundaries", async () => {
    const text = sse(
      chunk({ role: "assistant", content: "" }),
      chunk({ content: "héllo" }),
      chunk({}, "stop"),
    );
    const cut = text.indexOf("é") + 1; // inside the two bytes of é
    const bytes = encoder.encode(text);
    const response = iterableResponse([bytes.slice(0, cut), bytes.slice(cut), "data: [DONE]\n\n"]);
    const out = await readAll(new TranslatingReader(upstreamChunks(response)!, translation()));
    expect(out).toMatch(/"text":"héllo"/);
    expect(out).toMatch(/event: message_stop\n/);
  });

  it("rejects the read with the upstream's error when it fails before any output", async () => {
    const response = iterableResponse([sse({ error: { message: "quota exceeded", code: 429 } })]);
    const reader = new TranslatingReader(upstreamChunks(response)!, translation());
    const failure = await reader.read().catch((error: unknown) => error);
    expect(UpstreamResponseError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/quota exceeded/);
  });

  it("drops the rest of an upstream that lingers after [DONE]", async () => {
    let destroyed = false;
    const response = iterableResponse(
      [sse(chunk({ content: "hi" }), chunk({}, "stop")) + "data: [DONE]\n\n", "data: late\n\n"],
      () => {
        destroyed = true;
      },
    );
    const reader = new TranslatingReader(upstreamChunks(response)!, translation());
    expect(await readAll(reader)).toMatch(/event: message_stop\n/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(destroyed).toBe(true);
  });
});

import { bench, describe } from "vitest";
import { buildClaudeCodeRequest } from "../__fixtures__/build-claude-code-request.js";
import { buildOpenAIStream } from "../__fixtures__/build-openai-stream.js";
import { pipeTranslator } from "../__fixtures__/tier-context.js";
import { createTranslator } from "./create-translator.js";

const request = { ...buildClaudeCodeRequest(), stream: true };
const requestKb = Math.round(JSON.stringify(request).length / 1024);
const streamBytes = new TextEncoder().encode(buildOpenAIStream());
const streamKb = Math.round(streamBytes.length / 1024);
/** Network-sized reads, as an upstream body arrives. */
const streamPieces = Array.from({ length: Math.ceil(streamBytes.length / 16384) }, (_, index) =>
  streamBytes.subarray(index * 16384, (index + 1) * 16384),
);

function upstream(): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = streamPieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

const plain = createTranslator({ protocol: "openai", model: "deepseek-chat" });
const chained = createTranslator({
  protocol: "openai",
  model: "deepseek-chat",
  transformers: [
    { name: "reasoning" },
    { name: "maxtoken", options: { max_tokens: 8192 } },
    { name: "enhancetool" },
    { name: "extrathinktag" },
  ],
});
const passthrough = createTranslator({
  protocol: "anthropic",
  model: "glm-4.6",
  transformers: [{ name: "cleancache" }],
});

async function drain(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done) {
    // Only the translation's cost is measured.
  }
}

describe(`translator request (${requestKb} KB Claude Code request)`, () => {
  bench("no transformers", async () => {
    await plain.request(request);
  });
  bench("deepseek + gemini + enhancetool + extrathinktag", async () => {
    await chained.request(request);
  });
  bench("anthropic passthrough + cleancache", async () => {
    await passthrough.request(request);
  });
});

describe(`translator stream (${streamKb} KB upstream stream)`, async () => {
  const plainContext = (await plain.request(request)).context;
  const chainedContext = (await chained.request(request)).context;
  bench("no transformers", async () => {
    await drain(pipeTranslator(upstream(), plain, plainContext));
  });
  bench("enhancetool + extrathinktag chunk hooks", async () => {
    await drain(pipeTranslator(upstream(), chained, chainedContext));
  });
});

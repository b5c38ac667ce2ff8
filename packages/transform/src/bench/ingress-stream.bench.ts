import { bench, describe } from "vitest";
import { chatChunkEncoder } from "../ingress/openai-chat/chat-chunk-encoder.js";
import { chatPassthroughTranslation } from "../ingress/openai-chat/chat-passthrough-stream.js";
import { responsesEventEncoder } from "../ingress/openai-responses/responses-event-encoder.js";
import {
  openAIChatStreamDecoder,
  openAIToAnthropicTranslation,
} from "../stream/openai-to-anthropic-stream.js";
import { translateStream } from "../stream/stream-translation.js";
import { createTranslationContext } from "../translation-context.js";
import { shortReplyPerFrame as perEvent } from "./short-reply-frames.js";

/**
 * The short reply (short-reply-frames.ts), one read per event, for each client protocol: what an
 * upstream chunk costs on its way to an Anthropic client (the baseline), to a Chat Completions client through
 * the passthrough, and to Responses API and Chat clients through the canonical events.
 */
const context = createTranslationContext("claude-sonnet-4-5", { stream: true });
const chatOptions = { model: "my-alias", created: 1, includeUsage: true };
const responsesOptions = {
  model: "my-alias",
  createdAt: 1,
  names: new Map(),
  reasoningSummary: true,
  echo: {},
};

function run(translation: { push(bytes: Uint8Array): string; end(): string }): void {
  for (const bytes of perEvent) translation.push(bytes);
  translation.end();
}

describe("stream, 43-chunk text reply from an OpenAI-compatible tier, one read per event", () => {
  bench("to an Anthropic client (canonical events)", () => {
    run(openAIToAnthropicTranslation(context));
  });
  bench("to a Chat Completions client (passthrough)", () => {
    run(
      chatPassthroughTranslation({
        requestedModel: "my-alias",
        includeUsage: true,
        encoder: () => chatChunkEncoder(chatOptions),
      }),
    );
  });
  bench("to a Chat Completions client (canonical events, as from an Anthropic tier)", () => {
    run(
      translateStream(
        (events) => openAIChatStreamDecoder(context, {}, events),
        chatChunkEncoder(chatOptions),
      ),
    );
  });
  bench("to a Responses API client (canonical events)", () => {
    run(
      translateStream(
        (events) => openAIChatStreamDecoder(context, {}, events),
        responsesEventEncoder(responsesOptions),
      ),
    );
  });
});

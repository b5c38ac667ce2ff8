import { bench, describe } from "vitest";
import { openAIToAnthropicTranslation } from "../stream/openai-to-anthropic-stream.js";
import { createTranslationContext } from "../translation-context.js";
import { shortReplyPerFrame as perEvent, shortReplyWhole as whole } from "./short-reply-frames.js";

const context = createTranslationContext("claude-sonnet-4-5", { stream: true });

describe("stream, 43-chunk text reply", () => {
  bench("openAIToAnthropicTranslation, one read", () => {
    const translation = openAIToAnthropicTranslation(context);
    translation.push(whole);
    translation.end();
  });
  bench("openAIToAnthropicTranslation, one read per event", () => {
    const translation = openAIToAnthropicTranslation(context);
    for (const bytes of perEvent) translation.push(bytes);
    translation.end();
  });
});

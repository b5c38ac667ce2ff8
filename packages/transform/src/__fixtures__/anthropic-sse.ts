import { readFileSync } from "node:fs";
import Anthropic from "@anthropic-ai/sdk";
import type { Message } from "@anthropic-ai/sdk/resources/messages";

/**
 * Test support for Anthropic streams: rebuilds SSE bytes from a recorded
 * `anthropic-*.events.txt` fixture (one event JSON per line, its `type` as
 * the SSE event name) and lets the Anthropic SDK judge a translated stream.
 */
export function anthropicEventsFixture(name: string): string {
  return readFileSync(new URL(`./${name}.events.txt`, import.meta.url), "utf8");
}

export function eventsToSse(fixture: string): string {
  return fixture
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
    .join("");
}

/** The message the Anthropic SDK assembles from an Anthropic SSE byte stream. */
export async function sdkFinalMessage(stream: ReadableStream<Uint8Array>): Promise<Message> {
  const client = new Anthropic({
    apiKey: "test",
    baseURL: "http://sdk.test",
    maxRetries: 0,
    fetch: async () => new Response(stream, { headers: { "content-type": "text/event-stream" } }),
  });
  return client.messages.stream({ model: "ccr-test-model", max_tokens: 1024, messages: [{ role: "user", content: "hi" }] }).finalMessage();
}

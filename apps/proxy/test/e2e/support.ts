import type { FakeAnthropic, FakeOpenAI } from "@ccr/testkit";

/** A provider entry for a fake: OpenAI-compatible fakes by their chat URL, Anthropic ones by /v1/messages. */
export function providerFor(name: string, fake: FakeOpenAI | FakeAnthropic, model = `${name}-model`) {
  const url = "chatCompletionsUrl" in fake ? fake.chatCompletionsUrl : fake.messagesUrl;
  return { name, api_base_url: url, api_key: `key-${name}`, models: [model] };
}

export interface TestRetryPolicy {
  max_retries?: number;
  base_backoff_ms?: number;
  max_backoff_ms?: number;
  stream_first_event_timeout_ms?: number;
  stream_idle_timeout_ms?: number;
}

/**
 * A config cascading over the fakes in order (`a,a-model` → `b,b-model` → ...), with short backoffs
 * and timeouts so every failure row runs in well under a second.
 */
export function cascadeConfig(
  fakes: Record<string, FakeOpenAI | FakeAnthropic>,
  retry: TestRetryPolicy = {},
  extra: Record<string, unknown> = {},
) {
  const names = Object.keys(fakes);
  return {
    LOG_LEVEL: "warn",
    API_TIMEOUT_MS: 10_000,
    Providers: names.map((name) => providerFor(name, fakes[name]!)),
    Router: {
      default: `${names[0]},${names[0]}-model`,
      tiers: names.map((name) => `${name},${name}-model`),
      tierRetries: {
        "*": {
          max_retries: 1,
          base_backoff_ms: 10,
          max_backoff_ms: 50,
          stream_first_event_timeout_ms: 1_000,
          stream_idle_timeout_ms: 1_000,
          ...retry,
        },
      },
    },
    ...extra,
  };
}

export const userRequest = (text = "hello", extra: Record<string, unknown> = {}) => ({
  model: "claude-sonnet-4-5",
  max_tokens: 256,
  messages: [{ role: "user", content: text }],
  ...extra,
});

export function postMessages(
  baseUrl: string,
  body: unknown,
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
) {
  return fetch(`${baseUrl}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "client-key", ...init.headers },
    body: JSON.stringify(body),
    signal: init.signal,
  });
}

export interface SseEventRecord {
  event: string;
  data: Record<string, unknown>;
}

/** Parses a whole Anthropic SSE body into events. */
export function parseSse(text: string): SseEventRecord[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "{}";
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

/** The text of a translated Anthropic stream. */
export function streamedText(events: SseEventRecord[]): string {
  return events
    .filter((event) => event.event === "content_block_delta")
    .map((event) => (event.data.delta as { text?: string }).text ?? "")
    .join("");
}

export const elapsedSince = (start: number) => performance.now() - start;

import type { AnthropicMessagesRequest } from "@ccr/transform";
import type { ServeOptions } from "@ccr/router";
import type { ProxyRouter } from "../proxy-router.js";

/** What a scripted router answers: as a `Response` would carry it, a JSON body or an SSE body stream. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly stream: boolean;
  readonly tier?: string;
  readonly attempts: number;
}

export interface RouterCall {
  readonly request: AnthropicMessagesRequest;
  readonly options: ServeOptions;
}

/**
 * A router for tests of the HTTP layer: records each call and writes the scripted answer to the call's sink
 * as the real router does (a stream's head, then its bytes as they come, then its end).
 */
export function scriptedRouter(answer: (call: RouterCall) => ScriptedAnswer | Promise<ScriptedAnswer>) {
  const calls: RouterCall[] = [];
  const router: ProxyRouter = {
    async serve(request, options) {
      const call = { request, options };
      calls.push(call);
      const scripted = await answer(call);
      const { sink } = options;
      const result = { status: scripted.status, stream: scripted.stream, tier: scripted.tier, attempts: scripted.attempts };
      if (!scripted.stream) {
        sink.json(scripted.status, { "content-type": "application/json", ...scripted.headers }, scripted.body);
        return result;
      }
      sink.start(scripted.status, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        ...scripted.headers,
      });
      void pipe(scripted.body as ReadableStream<Uint8Array>, sink, options.signal);
      return result;
    },
    estimateInputTokens: (request) => JSON.stringify(request.messages).length,
  };
  return { router, calls };
}

async function pipe(body: ReadableStream<Uint8Array>, sink: ServeOptions["sink"], signal?: ServeOptions["signal"]) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => reader.cancel(signal?.reason).catch(() => {});
  if (signal?.aborted) cancel();
  else signal?.addEventListener("abort", cancel, { once: true });
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) return sink.end("");
    if (!sink.write(decoder.decode(value, { stream: true }))) await new Promise<void>((resolve) => sink.onDrain(resolve));
  }
}

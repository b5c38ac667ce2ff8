/**
 * A `fetch` for tests that serves scripted `Response`s with real ReadableStreams, per URL, in order,
 * and records every request it was given. Dependency injection, not a mock of the global fetch.
 */
export type Reply = (request: RecordedRequest) => Response | Promise<Response>;

export interface RecordedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
  readonly signal: AbortSignal;
}

export interface ScriptedFetch {
  readonly fetch: typeof fetch;
  readonly calls: RecordedRequest[];
  callsTo(url: string): RecordedRequest[];
}

export function scriptedFetch(script: Record<string, Reply[]>): ScriptedFetch {
  const queues = new Map(Object.entries(script).map(([url, replies]) => [url, [...replies]]));
  const calls: RecordedRequest[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const signal = init?.signal ?? new AbortController().signal;
    const request = { url, headers, body: JSON.parse(String(init?.body)), signal };
    calls.push(request);
    signal.throwIfAborted();
    const reply = queues.get(url)?.shift();
    if (!reply) throw new Error(`no scripted reply left for ${url}`);
    return reply(request);
  };
  return {
    fetch: fetchImpl as typeof fetch,
    calls,
    callsTo: (url) => calls.filter((call) => call.url === url),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function openAIError(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error: { message, type: "error" } }, headers);
}

export function openAIMessage(text: string): Reply {
  return json(200, {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "m",
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 },
  });
}

/** Chat completion chunks for a short text answer, ending with a usage-only chunk. */
export function openAITextChunks(text: string): unknown[] {
  const base = { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m" };
  return [
    { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] },
    ...[...text].map((char) => ({ ...base, choices: [{ index: 0, delta: { content: char }, finish_reason: null }] })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    { ...base, choices: [], usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 } },
  ];
}

export interface StreamScript {
  /** SSE `data:` payloads sent one per chunk; `[DONE]` is appended unless `end` says otherwise. */
  readonly events: readonly unknown[];
  /** After the events: finish normally, hang until aborted, or break the connection. */
  readonly end?: "done" | "hang" | "break" | "close";
  /** Wait before the first event, ms. */
  readonly delayMs?: number;
}

/** A 200 event-stream whose body honours the request's abort signal, like a real socket. */
export function sse(script: StreamScript): Reply {
  return ({ signal }) => {
    const encoder = new TextEncoder();
    const events = script.events.map((event) => `data: ${typeof event === "string" ? event : JSON.stringify(event)}\n\n`);
    if ((script.end ?? "done") === "done") events.push("data: [DONE]\n\n");
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (index === 0 && script.delayMs) await wait(script.delayMs, signal);
        if (signal.aborted) {
          controller.error(signal.reason);
          return;
        }
        const event = events[index++];
        if (event !== undefined) {
          controller.enqueue(encoder.encode(event));
          return;
        }
        if (script.end === "hang") {
          await wait(Number.POSITIVE_INFINITY, signal).catch((reason) => controller.error(reason));
        } else if (script.end === "break") {
          controller.error(Object.assign(new TypeError("terminated"), { cause: { code: "ECONNRESET" } }));
        } else {
          controller.close();
        }
      },
    });
    signal.addEventListener("abort", () => body.cancel(signal.reason).catch(() => {}), { once: true });
    return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
  };
}

/** A fetch that never answers until its signal aborts, like a hung upstream. */
export function hang(): Reply {
  return ({ signal }) => wait(Number.POSITIVE_INFINITY, signal).then(() => new Response(null));
}

/** The connection is refused before any response. */
export function refuse(): Reply {
  return () => {
    throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
  };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface DemoProviderOptions {
  /** The config name of the provider, said in every answer. */
  readonly name: string;
  readonly model: string;
  /** Refuse every other request (the 2nd, 4th...) with 429 and this Retry-After, in seconds. */
  readonly rateLimitEveryOther?: { readonly retryAfterSeconds: number };
  /** Before the first token. Default 250 ms. */
  readonly firstTokenDelayMs?: number;
  /** Between two streamed pieces. Default 35 ms: a brisk but readable pace. */
  readonly pieceIntervalMs?: number;
}

export interface DemoProvider {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The OpenAI Chat Completions endpoint. */
  readonly chatCompletionsUrl: string;
  /** Requests received, refused ones included. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * A fake OpenAI-compatible provider on loopback, shipped with `ccr demo`: it answers chat completions
 * (streamed as SSE with a realistic pace, or as one JSON body) with a short text saying it comes from the
 * demo, and can rate-limit every other request. Nothing leaves the machine; no key is checked.
 */
export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  let count = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      sendJson(res, 404, {
        error: { message: "the CCR demo provider only serves POST /v1/chat/completions", type: "not_found" },
      });
      return;
    }
    count += 1;
    const refused = options.rateLimitEveryOther !== undefined && count % 2 === 0;
    void readJson(req).then((body) => {
      if (refused) {
        const seconds = options.rateLimitEveryOther!.retryAfterSeconds;
        sendJson(
          res,
          429,
          {
            error: {
              message: `${options.name} (CCR demo) rate-limits every other request: retry after ${seconds} s`,
              type: "rate_limit_error",
              code: "rate_limit_exceeded",
            },
          },
          { "retry-after": String(seconds) },
        );
        return;
      }
      const text = answerText(options.name, options.model, lastUserText(body), count);
      const usage = {
        prompt_tokens: promptTokens(body),
        completion_tokens: estimateTokens(text),
      };
      if (body.stream === true) streamAnswer(res, text, usage, options, timers);
      else
        sendJson(res, 200, {
          id: `chatcmpl-demo-${count}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: options.model,
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    chatCompletionsUrl: `${url}/v1/chat/completions`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamAnswer(
  res: ServerResponse,
  text: string,
  usage: { prompt_tokens: number; completion_tokens: number },
  options: DemoProviderOptions,
  timers: Set<NodeJS.Timeout>,
): void {
  const id = `chatcmpl-demo-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (
    delta: Record<string, unknown>,
    finish: string | null,
    extra: Record<string, unknown> = {},
  ) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: options.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(chunk({ role: "assistant", content: "" }, null));
  // Words with their trailing space, two at a time: about what a real model streams per event.
  const words = text.match(/\S+\s*/g) ?? [text];
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += 2) pieces.push(words.slice(index, index + 2).join(""));
  let next = 0;
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const step = () => {
    if (res.destroyed) return;
    if (next < pieces.length) {
      res.write(chunk({ content: pieces[next++] }, null));
      later(options.pieceIntervalMs ?? 35, step);
      return;
    }
    res.write(chunk({}, "stop"));
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: options.model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
    );
    res.end("data: [DONE]\n\n");
  };
  later(options.firstTokenDelayMs ?? 250, step);
}

function answerText(name: string, model: string, question: string, count: number): string {
  const about =
    question === ""
      ? ""
      : ` You asked: "${question.length > 60 ? `${question.slice(0, 57)}...` : question}".`;
  return (
    `Hello from ${name},${model}, a fake provider built into ccr demo (answer #${count}).${about} ` +
    "No account, no key, nothing left this machine. When a tier is rate-limited, CCR sends the request to the next tier at once; " +
    "watch it happen with ccr dashboard, then write your own config with ccr init."
  );
}

/** The text of the last user message of an OpenAI request, whatever its content shape. */
function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages)
    ? (body.messages as { role?: unknown; content?: unknown }[])
    : [];
  const last = messages.filter((message) => message.role === "user").at(-1);
  const content = last?.content;
  const parts: string[] =
    typeof content === "string"
      ? [content]
      : Array.isArray(content)
        ? content.flatMap((part) => (typeof part?.text === "string" ? [part.text as string] : []))
        : [];
  // Claude Code puts its own reminders in the user turn; the person's words are the last other part.
  const said = parts.filter((part) => !part.trimStart().startsWith("<system-reminder>")).at(-1) ?? "";
  return said.replace(/\s+/g, " ").trim();
}

const estimateTokens = (text: string) => Math.max(1, Math.round(text.length / 4));

/**
 * About what a real tokenizer would count for the request: its text and tool schemas at four characters
 * a token, as the proxy estimates too, so the dashboard's token drift reads as healthy for the demo.
 */
function promptTokens(body: Record<string, unknown>): number {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  let chars = 0;
  for (const message of messages) {
    const content = message.content;
    if (typeof content === "string") chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content)
        chars += typeof part?.text === "string" ? part.text.length : JSON.stringify(part).length;
    }
  }
  const tools = Array.isArray(body.tools) ? (body.tools as { function?: unknown }[]) : [];
  for (const tool of tools) chars += JSON.stringify(tool.function ?? tool).length;
  return Math.max(1, Math.ceil(chars / 4));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        const value = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
        resolve(typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
    req.on("error", () => resolve({}));
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

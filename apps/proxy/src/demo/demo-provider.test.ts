import { afterEach, describe, expect, it } from "vitest";
import { type DemoProvider, startDemoProvider } from "./demo-provider.js";

let providers: DemoProvider[] = [];
afterEach(async () => {
  await Promise.all(providers.map((provider) => provider.close()));
  providers = [];
});

async function start(options: Partial<Parameters<typeof startDemoProvider>[0]> = {}) {
  const provider = await startDemoProvider({
    name: "demo-x",
    model: "m",
    firstTokenDelayMs: 1,
    pieceIntervalMs: 1,
    ...options,
  });
  providers.push(provider);
  return provider;
}

const ask = (provider: DemoProvider, body: Record<string, unknown>) =>
  fetch(provider.chatCompletionsUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi there" }], ...body }),
  });

describe("demo provider", () => {
  it("answers an OpenAI chat completion that says it comes from the demo, with usage", async () => {
    const provider = await start();
    const answer = (await (await ask(provider, {})).json()) as {
      choices: { message: { content: string } }[];
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(answer.choices[0]!.message.content).toContain("demo-x,m, a fake provider built into ccr demo");
    expect(answer.choices[0]!.message.content).toContain('You asked: "Hi there"');
    expect(answer.usage.prompt_tokens).toBeGreaterThan(0);
    expect(answer.usage.completion_tokens).toBeGreaterThan(10);
  });

  it("streams SSE chunks with a finish reason, usage and [DONE]", async () => {
    const provider = await start();
    const response = await ask(provider, { stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const frames = (await response.text()).split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.slice("data: ".length)));
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? "").join("");
    expect(text).toContain("ccr demo");
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === "stop")).toBe(true);
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
  });

  it("rate-limits every other request with 429 and Retry-After when asked to", async () => {
    const provider = await start({ rateLimitEveryOther: { retryAfterSeconds: 3 } });
    const statuses: (number | string | null)[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await ask(provider, {});
      statuses.push(response.status, response.headers.get("retry-after"));
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, null, 429, "3", 200, null, 429, "3"]);
    expect(provider.requests()).toBe(4);
  });

  it("quotes the person's words, not Claude Code's reminders", async () => {
    const provider = await start();
    const response = await fetch(provider.chatCompletionsUrl, {
      method: "POST",
      body: JSON.stringify({
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "<system-reminder>internal</system-reminder>" },
              { type: "text", text: "fix the bug" },
            ],
          },
        ],
      }),
    });
    const answer = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(answer.choices[0]!.message.content).toContain('You asked: "fix the bug"');
  });
});

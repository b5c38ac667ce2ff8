import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { answerText } from "./chaos-behaviours.js";
import { parseSse } from "./support.js";

/** The API a soak request speaks: Anthropic Messages (Claude Code) or OpenAI Chat Completions. */
export type ChaosApi = "messages" | "chat";

/** What a client of the soak got for request `n`. */
export interface Outcome {
  readonly n: number;
  readonly api: ChaosApi;
  readonly stream: boolean;
  readonly status: number;
  readonly text: string;
}

const streamed = (text: string) =>
  new Response(text, { headers: { "content-type": "text/event-stream" } }) as unknown as Response;

/** The message the real Anthropic SDK assembles from a streamed body, or the error it throws. */
function anthropicRead(text: string) {
  const sdk = new Anthropic({
    apiKey: "test",
    baseURL: "http://sdk.test",
    maxRetries: 0,
    fetch: async () => streamed(text),
  });
  return sdk.messages
    .stream({ model: "claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: "hi" }] })
    .finalMessage();
}

/** The completion the real OpenAI SDK assembles from a streamed body, or the error it throws. */
function openAIRead(text: string) {
  const sdk = new OpenAI({
    apiKey: "test",
    baseURL: "http://sdk.test/v1",
    maxRetries: 0,
    fetch: async () => streamed(text),
  });
  return sdk.chat.completions
    .stream({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }] })
    .finalChatCompletion();
}

/** The data of each event of a Chat Completions stream, as text. */
function chatFrames(text: string): string[] {
  return text
    .split("\n\n")
    .filter((frame) => frame.trim() !== "")
    .map((frame) => frame.replace(/^data: /, ""));
}

/** Whether a stream ended with its API's error frame (an `error` event, or a chunk carrying `error`). */
export function endsWithError({ api, stream, text }: Outcome): boolean {
  if (!stream) return false;
  if (api === "messages") return parseSse(text).at(-1)?.event === "error";
  return chatFrames(text).at(-1)?.startsWith('{"error":') ?? false;
}

/** Why an outcome is wrong; [] when it is a complete answer for its own request, or fails only after content. */
export async function outcomeProblems(outcome: Outcome): Promise<string[]> {
  const { n, status, text } = outcome;
  if (status !== 200) return [`status ${status}: ${text.slice(0, 300)}`];
  const found: string[] = [];
  const tags = [...text.matchAll(/TAG(\d+)@([a-z]\d+)/g)];
  if (tags.some((tag) => tag[1] !== String(n)))
    found.push(`content of another request: ${tags.map((tag) => tag[0])}`);
  const attempts = new Set(tags.map((tag) => tag[2]));
  if (attempts.size > 1) found.push(`content of ${attempts.size} attempts: ${[...attempts]}`);
  const expected = answerText(`TAG${n}@${[...attempts][0]}`);
  const judge = outcome.api === "messages" ? messagesProblems : chatProblems;
  return [...found, ...(await judge(outcome, expected))];
}

async function messagesProblems({ stream, text }: Outcome, expected: string): Promise<string[]> {
  const found: string[] = [];
  if (!stream) {
    const message = JSON.parse(text) as { content?: { text?: string }[] };
    if (message.content?.[0]?.text !== expected) found.push(`not the whole answer: ${text.slice(0, 300)}`);
    return found;
  }
  const events = parseSse(text).map((event) => event.event);
  if (events.at(-1) === "error") {
    // A failure after bytes were relayed: only once content went out, never as if complete.
    if (!events.includes("content_block_start"))
      found.push(`an error before any content: ${text.slice(0, 300)}`);
    if (events.includes("message_stop")) found.push("an error after the message ended");
    await anthropicRead(text).then(
      () => found.push("the SDK took a failed stream for complete"),
      () => undefined,
    );
    return found;
  }
  // Said plainly before the SDK's verdict: a stream that ends without error ends as a whole message.
  if (events.at(-1) !== "message_stop" || !events.includes("message_delta"))
    found.push(`a stream that does not end as complete: ${events.slice(-3)}`);
  const message = await anthropicRead(text).catch((error: unknown) => {
    found.push(`the SDK could not read it: ${String(error)}`);
    return undefined;
  });
  if (message && (message.content[0] as { text?: string })?.text !== expected)
    found.push(`not the whole answer: ${JSON.stringify(message.content)}`);
  return found;
}

async function chatProblems(outcome: Outcome, expected: string): Promise<string[]> {
  const { stream, text } = outcome;
  const found: string[] = [];
  if (!stream) {
    const completion = JSON.parse(text) as { choices?: { message?: { content?: string } }[] };
    if (completion.choices?.[0]?.message?.content !== expected)
      found.push(`not the whole answer: ${text.slice(0, 300)}`);
    return found;
  }
  const frames = chatFrames(text);
  if (endsWithError(outcome)) {
    const content = (frame: string) =>
      Boolean(
        (JSON.parse(frame) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content,
      );
    if (!frames.slice(0, -1).some(content)) found.push(`an error before any content: ${text.slice(0, 300)}`);
    if (text.includes("data: [DONE]")) found.push("an error after [DONE]");
    await openAIRead(text).then(
      () => found.push("the SDK took a failed stream for complete"),
      () => undefined,
    );
    return found;
  }
  if (!text.trimEnd().endsWith("data: [DONE]"))
    found.push(`a stream that ends neither with [DONE] nor an error chunk: ${text.slice(-300)}`);
  const completion = await openAIRead(text).catch((error: unknown) => {
    found.push(`the SDK could not read it: ${String(error)}`);
    return undefined;
  });
  if (completion && completion.choices[0]?.message.content !== expected)
    found.push(`not the whole answer: ${JSON.stringify(completion.choices[0]?.message)}`);
  return found;
}

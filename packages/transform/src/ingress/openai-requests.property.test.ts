import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chatRequest,
  FUZZ_RUNS,
  type Marked,
  responsesRequest,
} from "../__fixtures__/openai-request-arbitraries.js";
import { anthropicToOpenAIRequest } from "../request/anthropic-to-openai-request.js";
import { createTranslator } from "../translator/create-translator.js";
import { decodeChatRequest } from "./openai-chat/decode-chat-request.js";
import { decodeResponsesRequest } from "./openai-responses/decode-responses-request.js";

// Any valid OpenAI request survives decoding and the way to each kind of upstream without losing a text, an
// image, a tool, a tool call or a tool result: for an Anthropic-native tier the canonical request itself, for
// an OpenAI-compatible tier the Chat Completions body it becomes (the passthrough for Chat clients, the
// translation for Responses clients).

/** Every string in a JSON value, joined: a marker must be inside one of them. */
function strings(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) Object.values(node).forEach(walk);
  };
  walk(value);
  return out.join("\u0000");
}

function expectAllMarkers(marked: Marked<unknown>, output: unknown): void {
  const all = strings(output);
  for (const marker of [
    ...marked.texts,
    ...marked.images,
    ...marked.tools,
    ...marked.callIds,
    ...marked.results,
  ])
    expect(all).toContain(marker);
}

const anthropicTier = createTranslator({ protocol: "anthropic", model: "claude-sonnet-4-5" });
const openaiTier = createTranslator({ protocol: "openai", model: "glm-4.6" });

describe("a Chat Completions request, decoded", () => {
  it("keeps every text, image, tool, call and result toward both kinds of tier", async () => {
    await fc.assert(
      fc.asyncProperty(chatRequest, async (marked) => {
        const { request, ingress } = decodeChatRequest(marked.body);
        expectAllMarkers(marked, request);
        expectAllMarkers(marked, (await anthropicTier.request(request, ingress)).body);
        expectAllMarkers(marked, (await openaiTier.request(request, ingress)).body);
        // The canonical request also reaches OpenAI-compatible tiers for other clients' requests.
        expectAllMarkers(marked, anthropicToOpenAIRequest(request).body);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("pairs every tool call with its result in alternating turns", () => {
    fc.assert(
      fc.property(chatRequest, (marked) => {
        const { request } = decodeChatRequest(marked.body);
        expectWellFormed(request.messages);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("a Responses API request, decoded", () => {
  it("keeps every text, image, tool, call and result toward both kinds of tier", async () => {
    await fc.assert(
      fc.asyncProperty(responsesRequest, async (marked) => {
        const { request, ingress, droppedTools } = decodeResponsesRequest(marked.body);
        expect(droppedTools).toEqual(["web_search"]);
        expectAllMarkers(marked, request);
        expectAllMarkers(marked, (await anthropicTier.request(request, ingress)).body);
        expectAllMarkers(marked, (await openaiTier.request(request, ingress)).body);
        expectWellFormed(request.messages);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

/** Turns alternate; every tool_use is answered by a tool_result at the head of the next user turn. */
function expectWellFormed(messages: readonly { role: string; content: unknown }[]): void {
  for (let index = 1; index < messages.length; index++)
    expect(messages[index]?.role).not.toBe(messages[index - 1]?.role);
  messages.forEach((message, index) => {
    if (message.role !== "assistant" || !Array.isArray(message.content)) return;
    const ids = (message.content as { type: string; id?: string }[])
      .filter((block) => block.type === "tool_use")
      .map((block) => block.id);
    if (ids.length === 0) return;
    const next = messages[index + 1]?.content as { type: string; tool_use_id?: string }[];
    const results = next.filter((block) => block.type === "tool_result").map((block) => block.tool_use_id);
    expect(results).toEqual(ids);
    expect(next.slice(0, results.length).every((block) => block.type === "tool_result")).toBe(true);
  });
}

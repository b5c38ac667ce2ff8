import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinTransformers } from "../transformers/builtin-transformers.js";
import { createTranslator } from "../translator/create-translator.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatMessage, OpenAIChatRequest, OpenAIFunctionTool } from "../types/openai.js";
import { anthropicToOpenAIRequest } from "./anthropic-to-openai-request.js";
import { MAX_OPENAI_USER_LENGTH } from "./openai-user.js";

/** A request captured from Claude Code 2.1.332, unedited. */
const captured = JSON.parse(
  readFileSync(new URL("../__fixtures__/claude-code-request.json", import.meta.url), "utf8"),
) as AnthropicMessagesRequest;

const ANTHROPIC_ONLY_KEYS = [
  "cache_control",
  "defer_loading",
  "context_management",
  "output_config",
  "thinking",
  "metadata",
  "input_schema",
  "tool_use_id",
  "is_error",
];

/** Every key of every object in a JSON value, with where it was found. */
function keyPaths(value: unknown, path = "$", out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) keyPaths(item, `${path}[${index}]`, out);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.push(`${path}.${key}`);
      keyPaths(child, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Tool schemas are the client's JSON Schema: their property names are not request fields. */
function requestKeyPaths(body: OpenAIChatRequest): string[] {
  const { tools: _tools, ...rest } = body;
  const toolKeys = ((body.tools ?? []) as OpenAIFunctionTool[]).flatMap((tool, index) =>
    keyPaths({ ...tool, function: { ...tool.function, parameters: undefined } }, `$.tools[${index}]`),
  );
  return [...keyPaths(rest), ...toolKeys];
}

describe("the captured Claude Code request, translated to OpenAI", () => {
  const { body } = anthropicToOpenAIRequest(captured, { model: "gpt-4.1" });

  it("leaves no Anthropic-only field anywhere", () => {
    const leftovers = requestKeyPaths(body).filter((path) =>
      ANTHROPIC_ONLY_KEYS.includes(path.slice(path.lastIndexOf(".") + 1)),
    );
    expect(leftovers).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('"type":"ephemeral"');
  });

  it("puts the system blocks in one leading system message and keeps the mid-conversation one in place", () => {
    const roles = body.messages.map((message) => message.role);
    expect(roles).toEqual([
      "system",
      "user",
      "system",
      "assistant",
      "tool",
      "assistant",
      "tool",
      "assistant",
      "tool",
      "assistant",
      "tool",
    ]);
    const [first, , environment] = body.messages;
    expect(first?.content).toMatch(/^x-anthropic-billing-header: .*\n\nYou are a Claude agent/s);
    expect(environment?.content).toMatch(/^# Environment\n/);
  });

  it("keeps the first user turn's two text blocks as parts, in order", () => {
    const user = body.messages[1] as Extract<OpenAIChatMessage, { role: "user" }>;
    expect(Array.isArray(user.content)).toBe(true);
    const texts = (user.content as Array<{ type: string; text?: string }>).map((part) => part.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^<system-reminder>/);
    expect(texts[1]).toBe("Write some notes, read them back, list the files, and summarize");
  });

  it("answers every tool call with a tool message right after it, ids matching", () => {
    const calls: string[] = [];
    body.messages.forEach((message, index) => {
      if (message.role !== "assistant") return;
      const ids = (message.tool_calls ?? []).map((call) => call.id);
      const answers = body.messages
        .slice(index + 1, index + 1 + ids.length)
        .map((next) => (next.role === "tool" ? next.tool_call_id : undefined));
      expect(answers).toEqual(ids);
      calls.push(...ids);
    });
    expect(calls).toEqual(["toolu_02", "toolu_03", "toolu_04", "toolu_05"]);
  });

  it("sends tool inputs as JSON strings that parse back to the captured input", () => {
    const write = body.messages[3] as Extract<OpenAIChatMessage, { role: "assistant" }>;
    const call = write.tool_calls?.[0];
    expect(call?.function.name).toBe("Write");
    const blocks = captured.messages[2]?.content as Array<{ type: string; input?: unknown }>;
    const original = blocks.find((block) => block.type === "tool_use")?.input;
    expect(JSON.parse(call?.function.arguments ?? "")).toEqual(original);
  });

  it("keeps tool results as text; `is_error: false` adds no error marker", () => {
    const results = body.messages.filter((message) => message.role === "tool");
    for (const result of results) expect(typeof result.content).toBe("string");
    expect(results[2]?.content).toMatch(/^total 24\n/);
    expect(JSON.stringify(results)).not.toContain("[tool error]");
  });

  it("offers the custom tools and leaves out the deferred placeholder", () => {
    const names = ((body.tools ?? []) as OpenAIFunctionTool[]).map((tool) => tool.function.name);
    expect(names).toHaveLength(11);
    expect(names).not.toContain("DeferredToolPlaceholder");
    expect(names).toContain("Write");
  });

  it("asks for usage in the stream and fits metadata.user_id into OpenAI's `user`", () => {
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(captured.metadata?.user_id?.length).toBeGreaterThan(MAX_OPENAI_USER_LENGTH);
    expect(body.user?.length).toBeLessThanOrEqual(MAX_OPENAI_USER_LENGTH);
    expect(anthropicToOpenAIRequest(captured).body.user).toBe(body.user);
  });

  it("maps adaptive thinking with output_config.effort when the tier asks for reasoning_effort", () => {
    expect(body.reasoning_effort).toBeUndefined();
    expect(anthropicToOpenAIRequest(captured, { reasoningEffort: true }).body.reasoning_effort).toBe(
      "medium",
    );
  });

  it("does not change the client's request", () => {
    const before = JSON.stringify(captured);
    anthropicToOpenAIRequest(captured, { model: "gpt-4.1", reasoning: "reasoning_content" });
    expect(JSON.stringify(captured)).toBe(before);
  });
});

describe("the captured Claude Code request through each built-in transformer", () => {
  const options: Record<string, Record<string, unknown>> = { maxtoken: { max_tokens: 16384 } };

  it.each(Object.keys(builtinTransformers))(
    "%s leaves no Anthropic-only field and keeps tool pairs",
    async (name) => {
      const translator = createTranslator({
        protocol: "openai",
        model: "upstream-model",
        transformers: [{ name, options: options[name] ?? {} }],
      });
      const { body } = await translator.request(captured);
      const openai = body as OpenAIChatRequest;
      const leftovers = requestKeyPaths(openai).filter((path) =>
        ["cache_control", "defer_loading", "context_management", "output_config", "metadata"].includes(
          path.slice(path.lastIndexOf(".") + 1),
        ),
      );
      expect(leftovers).toEqual([]);
      const ids = openai.messages.flatMap((message) =>
        message.role === "assistant" ? (message.tool_calls ?? []).map((call) => call.id) : [],
      );
      const answered = openai.messages.flatMap((message) =>
        message.role === "tool" ? [message.tool_call_id] : [],
      );
      expect(answered).toEqual(ids);
      expect(openai.user?.length ?? 0).toBeLessThanOrEqual(MAX_OPENAI_USER_LENGTH);
    },
  );
});

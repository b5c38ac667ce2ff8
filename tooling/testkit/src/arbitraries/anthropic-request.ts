import fc from "fast-check";

/** A valid Anthropic Messages request shaped like Claude Code's, as plain JSON. */
export type GeneratedAnthropicRequest = {
  request: Record<string, unknown>;
  /**
   * One unique string in each text, image, tool definition, tool call input
   * and tool result: a translation that loses none of them has every marker
   * somewhere in its body.
   */
  markers: string[];
};

const words = fc.string({ maxLength: 24 });
/** Any text a user can type, emoji and scripts included. */
const prose = fc.oneof(words, fc.string({ unit: "grapheme", maxLength: 16 }));
const keyName = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_"),
  minLength: 1,
  maxLength: 8,
});
const toolInput = fc.dictionary(keyName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });

const toolCallPlan = fc.record({
  tool: fc.nat(),
  input: toolInput,
  result: fc.constantFrom("string", "blocks", "image", "error", "empty"),
});

const turnPlan = fc.record({
  texts: fc.array(prose, { maxLength: 3 }),
  asString: fc.boolean(),
  image: fc.constantFrom("none", "none", "base64", "url"),
  document: fc.boolean(),
  thinking: fc.boolean(),
  reply: fc.option(prose, { nil: undefined }),
  calls: fc.array(toolCallPlan, { maxLength: 3 }),
  cache: fc.boolean(),
});

const requestPlan = fc.record({
  systemAsString: fc.boolean(),
  system: fc.array(prose, { minLength: 1, maxLength: 3 }),
  tools: fc.array(fc.record({ description: prose, schemaKey: keyName }), { maxLength: 5 }),
  hostedTool: fc.boolean(),
  turns: fc.array(turnPlan, { minLength: 1, maxLength: 6 }),
  systemMessageAt: fc.option(fc.nat(), { nil: undefined }),
  thinking: fc.constantFrom("none", "adaptive", "enabled"),
  maxTokens: fc.integer({ min: 1025, max: 64_000 }),
  budget: fc.nat(),
  stream: fc.boolean(),
  temperature: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  toolChoice: fc.constantFrom("unset", "auto", "any", "tool"),
  userId: fc.boolean(),
});

type RequestPlan = typeof requestPlan extends fc.Arbitrary<infer T> ? T : never;
type TurnPlan = RequestPlan["turns"][number];
type Block = Record<string, unknown>;

/**
 * Valid requests like Claude Code's: a system prompt in cache-controlled
 * blocks, custom tools (and sometimes a hosted one), turns of user text,
 * images and documents, assistant thinking, text and tool calls with unique
 * ids, each call answered in the next user turn (text, blocks, an image, an
 * error or nothing), mid-conversation system messages, thinking config,
 * sampling and metadata. Markers make losses checkable.
 */
export function anthropicRequestArbitrary(): fc.Arbitrary<GeneratedAnthropicRequest> {
  return requestPlan.map(buildRequest);
}

function buildRequest(plan: RequestPlan): GeneratedAnthropicRequest {
  const markers: string[] = [];
  const mark = (what: string) => {
    const marker = `MRK${what}${markers.length}Z`;
    markers.push(marker);
    return marker;
  };
  const text = (prefix: string, what: string): Block => ({ type: "text", text: `${prefix} ${mark(what)}` });

  const tools: Block[] = plan.tools.map((tool) => ({
    name: `tool_${mark("tool")}`,
    description: tool.description,
    input_schema: { type: "object", properties: { [tool.schemaKey]: { type: "string" } } },
  }));
  const toolNames = tools.map((tool) => tool.name as string);
  if (plan.hostedTool) tools.push({ type: "web_search_20250305", name: "web_search", max_uses: 5 });

  const messages: Block[] = [];
  let pendingResults: Block[] = [];
  let callCount = 0;
  plan.turns.forEach((turn, index) => {
    messages.push(userMessage(turn, index, pendingResults, text, mark));
    const { message, results } = assistantMessage(turn, toolNames, text, mark, () => callCount++);
    messages.push(message);
    pendingResults = results;
  });
  messages.push({ role: "user", content: [...pendingResults, text("Continue.", "text")] });
  if (plan.systemMessageAt !== undefined)
    messages.splice(1 + (plan.systemMessageAt % messages.length), 0, {
      role: "system",
      content: `<system-reminder>${mark("system")}</system-reminder>`,
    });

  const system = plan.system.map((prose) => text(prose, "system"));
  if (system.length > 1) (system.at(-1) as Block).cache_control = { type: "ephemeral" };
  const request: Record<string, unknown> = {
    model: "claude-sonnet-4-5",
    max_tokens: plan.maxTokens,
    system: plan.systemAsString ? system.map((block) => block.text).join("\n") : system,
    messages,
  };
  if (tools.length > 0) request.tools = tools;
  if (toolNames.length > 0 && plan.toolChoice !== "unset")
    request.tool_choice =
      plan.toolChoice === "tool" ? { type: "tool", name: toolNames[0] } : { type: plan.toolChoice };
  if (plan.thinking === "adaptive") request.thinking = { type: "adaptive" };
  if (plan.thinking === "enabled")
    request.thinking = { type: "enabled", budget_tokens: 1024 + (plan.budget % (plan.maxTokens - 1024)) };
  if (plan.stream) request.stream = true;
  if (plan.temperature !== undefined && plan.thinking === "none") request.temperature = plan.temperature;
  if (plan.userId) request.metadata = { user_id: JSON.stringify({ device_id: "d", session_id: "s" }) };
  return { request, markers };
}

function userMessage(
  turn: TurnPlan,
  index: number,
  results: Block[],
  text: (prefix: string, what: string) => Block,
  mark: (what: string) => string,
): Block {
  if (turn.asString && results.length === 0 && turn.texts.length > 0)
    return { role: "user", content: `${turn.texts.join(" ")} ${mark("text")}` };
  const content: Block[] = [...results, ...turn.texts.map((prose) => text(prose, "text"))];
  if (turn.image === "base64")
    content.push({
      type: "image",
      source: { type: "base64", media_type: "image/png", data: `iVBORw0KGgo${mark("image")}` },
    });
  if (turn.image === "url")
    content.push({ type: "image", source: { type: "url", url: `https://example.com/${mark("image")}.png` } });
  if (turn.document)
    content.push({
      type: "document",
      source: { type: "text", media_type: "text/plain", data: `notes ${mark("document")}` },
      title: "notes.txt",
    });
  if (content.length === results.length) content.push(text(index === 0 ? "Hello" : "Go on", "text"));
  if (turn.cache) (content.at(-1) as Block).cache_control = { type: "ephemeral" };
  return { role: "user", content };
}

function assistantMessage(
  turn: TurnPlan,
  toolNames: string[],
  text: (prefix: string, what: string) => Block,
  mark: (what: string) => string,
  nextCall: () => number,
): { message: Block; results: Block[] } {
  const content: Block[] = [];
  if (turn.thinking) content.push({ type: "thinking", thinking: "Let me think.", signature: "EqoBCkgIBxAB" });
  if (turn.reply !== undefined || toolNames.length === 0 || turn.calls.length === 0)
    content.push(text(turn.reply ?? "Done.", "text"));
  const results: Block[] = [];
  if (toolNames.length > 0)
    for (const call of turn.calls) {
      const id = `toolu_${String(nextCall()).padStart(4, "0")}`;
      content.push({
        type: "tool_use",
        id,
        name: toolNames[call.tool % toolNames.length],
        input: { ...call.input, note: mark("input") },
      });
      results.push(toolResult(id, call.result, mark));
    }
  return { message: { role: "assistant", content }, results };
}

function toolResult(id: string, kind: string, mark: (what: string) => string): Block {
  switch (kind) {
    case "blocks":
      return {
        type: "tool_result",
        tool_use_id: id,
        content: [{ type: "text", text: `lines ${mark("result")}` }],
      };
    case "image":
      return {
        type: "tool_result",
        tool_use_id: id,
        content: [
          { type: "text", text: `screenshot ${mark("result")}` },
          {
            type: "image",
            source: { type: "base64", media_type: "image/png", data: `iVBORw0KGgo${mark("image")}` },
          },
        ],
      };
    case "error":
      return { type: "tool_result", tool_use_id: id, content: `failed ${mark("result")}`, is_error: true };
    case "empty":
      return { type: "tool_result", tool_use_id: id };
    default:
      return { type: "tool_result", tool_use_id: id, content: `output ${mark("result")}` };
  }
}

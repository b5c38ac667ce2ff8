import fc from "fast-check";

/**
 * fast-check arbitraries of valid OpenAI requests (Chat Completions and Responses) whose every piece of
 * content carries a marker: a text, an image URL, a tool name, a call id, a tool result. A property then
 * checks that each marker survives decoding and translation toward each kind of upstream.
 */

export interface Marked<T> {
  readonly body: T;
  /** Strings that must appear in whatever the request becomes. */
  readonly texts: string[];
  readonly images: string[];
  readonly tools: string[];
  readonly callIds: string[];
  readonly results: string[];
}

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Unicode text with a marker in it, never blank. */
const text = (marker: string) =>
  fc
    .string({ unit: fc.constantFrom("a", "é", "😀", " ", "\n", '"', "\\", "<", "中"), maxLength: 12 })
    .map((noise) => `${marker} ${noise}`);

const image = (marker: string) =>
  fc.constantFrom(
    `https://example.com/${marker}.png`,
    `data:image/png;base64,${btoa(marker).replace(/=+$/, "")}AA==`,
  );

type ChatMessage = Record<string, unknown>;

/** A Chat Completions conversation: user turns with text and images, assistant turns with tool calls and their results. */
export const chatRequest: fc.Arbitrary<Marked<Record<string, unknown>>> = fc
  .record({
    system: fc.option(text("SYS"), { nil: undefined }),
    turns: fc.array(
      fc.record({
        user: text("USR"),
        images: fc.array(fc.constant(null), { maxLength: 2 }),
        reply: fc.option(text("AST"), { nil: undefined }),
        calls: fc.array(fc.record({ args: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }) }), {
          maxLength: 3,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    stream: fc.boolean(),
    effort: fc.constantFrom(undefined, "low", "high"),
  })
  .chain((shape) => {
    let counter = 0;
    const next = (prefix: string) => `${prefix}${counter++}`;
    const marked: Omit<Marked<unknown>, "body"> = { texts: [], images: [], tools: [], callIds: [], results: [] };
    const messages: ChatMessage[] = [];
    const toolNames = new Set<string>();
    if (shape.system) {
      marked.texts.push(shape.system);
      messages.push({ role: "system", content: shape.system });
    }
    const arbitraries: fc.Arbitrary<unknown>[] = [];
    for (const turn of shape.turns) {
      const content: unknown[] = [{ type: "text", text: turn.user }];
      marked.texts.push(turn.user);
      for (const _ of turn.images) {
        const marker = next("IMG");
        const index = arbitraries.length;
        arbitraries.push(image(marker));
        content.push({ type: "image_url", image_url: { url: index } });
      }
      messages.push({ role: "user", content });
      if (turn.reply === undefined && turn.calls.length === 0) continue;
      const calls = turn.calls.map((call) => {
        const name = next("tool_");
        const id = next("call_");
        toolNames.add(name);
        marked.tools.push(name);
        marked.callIds.push(id);
        return { id, type: "function", function: { name, arguments: JSON.stringify(call.args) } };
      });
      if (turn.reply !== undefined) marked.texts.push(turn.reply);
      messages.push({
        role: "assistant",
        content: turn.reply ?? null,
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      });
      for (const call of calls) {
        const result = next("RESULT");
        marked.results.push(result);
        messages.push({ role: "tool", tool_call_id: call.id, content: result });
      }
    }
    return fc.tuple(...arbitraries.map((each) => each as fc.Arbitrary<string>)).map((urls) => {
      const resolved = messages.map((message) =>
        Array.isArray(message.content)
          ? {
              ...message,
              content: (message.content as Array<Record<string, unknown>>).map((part) =>
                part.type === "image_url" ? { ...part, image_url: { url: urls[(part.image_url as { url: number }).url] } } : part,
              ),
            }
          : message,
      );
      const body: Record<string, unknown> = {
        model: "any-model",
        messages: resolved,
        stream: shape.stream,
        ...(shape.effort ? { reasoning_effort: shape.effort } : {}),
        ...(toolNames.size > 0
          ? {
              tools: [...toolNames].map((name) => ({
                type: "function",
                function: { name, description: `does ${name}`, parameters: { type: "object", properties: {} } },
              })),
            }
          : {}),
      };
      return { body, ...marked, images: urls.map(imageMarker) };
    });
  });

/** A Responses API request: instructions, messages with images, function / custom / namespaced calls and their outputs. */
export const responsesRequest: fc.Arbitrary<Marked<Record<string, unknown>>> = fc
  .record({
    instructions: fc.option(text("INS"), { nil: undefined }),
    turns: fc.array(
      fc.record({
        user: text("USR"),
        images: fc.array(fc.constant(null), { maxLength: 2 }),
        reply: fc.option(text("AST"), { nil: undefined }),
        calls: fc.array(fc.constantFrom("function", "custom", "namespaced"), { maxLength: 3 }),
        reasoning: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .chain((shape) => {
    let counter = 0;
    const next = (prefix: string) => `${prefix}${counter++}`;
    const marked: Omit<Marked<unknown>, "body"> = { texts: [], images: [], tools: [], callIds: [], results: [] };
    const input: Record<string, unknown>[] = [];
    const tools: Record<string, unknown>[] = [];
    const namespaced: Record<string, unknown>[] = [];
    if (shape.instructions) marked.texts.push(shape.instructions);
    const arbitraries: fc.Arbitrary<string>[] = [];
    for (const turn of shape.turns) {
      marked.texts.push(turn.user);
      const content: Record<string, unknown>[] = [{ type: "input_text", text: turn.user }];
      for (const _ of turn.images) {
        content.push({ type: "input_image", image_url: arbitraries.length });
        arbitraries.push(image(next("IMG")));
      }
      input.push({ type: "message", role: "user", content });
      if (turn.reasoning) input.push({ type: "reasoning", id: next("rs_"), summary: [], encrypted_content: "opaque" });
      if (turn.reply !== undefined) {
        marked.texts.push(turn.reply);
        input.push({ type: "message", role: "assistant", content: [{ type: "output_text", text: turn.reply }] });
      }
      for (const kind of turn.calls) {
        const name = next("tool_");
        const callId = next("call_");
        const result = next("RESULT");
        marked.callIds.push(callId);
        marked.results.push(result);
        if (kind === "custom") {
          const payload = next("PATCH");
          marked.texts.push(payload);
          marked.tools.push(name);
          tools.push({ type: "custom", name, description: "free-form" });
          input.push({ type: "custom_tool_call", call_id: callId, name, input: payload });
          input.push({ type: "custom_tool_call_output", call_id: callId, output: result });
        } else {
          const namespace = kind === "namespaced" ? "ns" : undefined;
          marked.tools.push(namespace ? `ns__${name}` : name);
          const tool = { type: "function", name, parameters: { type: "object", properties: {} } };
          if (namespace) namespaced.push(tool);
          else tools.push(tool);
          input.push({
            type: "function_call",
            call_id: callId,
            name,
            ...(namespace ? { namespace } : {}),
            arguments: "{}",
          });
          input.push({ type: "function_call_output", call_id: callId, output: result });
        }
      }
    }
    if (namespaced.length > 0) tools.push({ type: "namespace", name: "ns", description: "grouped", tools: namespaced });
    tools.push({ type: "web_search" });
    return fc.tuple(...arbitraries).map((urls) => {
      const resolved = input.map((item) =>
        Array.isArray(item.content)
          ? {
              ...item,
              content: (item.content as Record<string, unknown>[]).map((part) =>
                part.type === "input_image" ? { ...part, image_url: urls[part.image_url as number] } : part,
              ),
            }
          : item,
      );
      const body: Record<string, unknown> = {
        model: "any-model",
        input: resolved,
        tools,
        stream: true,
        store: false,
        ...(shape.instructions ? { instructions: shape.instructions } : {}),
      };
      return { body, ...marked, images: urls.map(imageMarker) };
    });
  });

/** What of an image URL must survive: the URL itself, or the base64 payload of a data URL. */
function imageMarker(url: string): string {
  return url.startsWith("data:") ? url.slice(url.indexOf(",") + 1) : url;
}

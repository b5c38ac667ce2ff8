import { toolArgumentsText } from "../tool-arguments-text.js";
import type { OpenAIChunkHook, TransformerFactory } from "../transformer/transformer.js";
import type { OpenAIChatChunk, OpenAIChatMessage, OpenAIChatResponse, OpenAITool } from "../types/openai.js";
import { chunkWithDelta, omitDeltaKey, replaceDelta } from "./chunk-parts.js";
import { createToolCallIndexer } from "./tool-call-indexer.js";

export const EXIT_TOOL_NAME = "ExitTool";

const REMINDER =
  "<system-reminder>Tool mode is active: proactively call the most suitable tool for the task. " +
  `If no available tool fits, call \`${EXIT_TOOL_NAME}\` with your answer: that is the only way to answer without a tool.</system-reminder>`;

const EXIT_TOOL: OpenAITool = {
  type: "function",
  function: {
    name: EXIT_TOOL_NAME,
    description:
      "Answer the user directly, without any other tool. Use it only after checking that none of the other tools can help with the current task.",
    parameters: {
      type: "object",
      properties: {
        response: { type: "string", description: "Your answer, shown to the user exactly as written." },
      },
      required: ["response"],
    },
  },
};

/**
 * For models that answer in prose when they should call a tool
 * (claude-code-router's `tooluse`): when tools are offered, `tool_choice`
 * becomes `required` (unless the client named a tool or said none), an
 * `ExitTool` is added, and the system prompt says that calling it is the
 * way to answer without a tool. A call to `ExitTool` comes back as plain
 * text (its `response` argument), never as a tool call, and ends the turn
 * when it was the only call.
 */
export const tooluseTransformer: TransformerFactory = () => ({
  name: "tooluse",
  openaiRequest(body) {
    if (!body.tools?.length || body.tools.some((tool) => toolName(tool) === EXIT_TOOL_NAME)) return body;
    const choice = body.tool_choice;
    return {
      ...body,
      tools: [...body.tools, EXIT_TOOL],
      tool_choice: choice === undefined || choice === "auto" ? "required" : choice,
      messages: withReminder(body.messages),
    };
  },
  openaiResponse(body) {
    const choice = body.choices?.[0];
    const calls = choice?.message?.tool_calls;
    const exit = calls?.find((call) => call.function.name === EXIT_TOOL_NAME);
    if (!choice?.message || !calls || !exit) return body;
    const others = calls.filter((call) => call !== exit);
    const text = exitText(toolArgumentsText(exit.function.arguments));
    const message = { ...choice.message, content: (choice.message.content ?? "") + text };
    if (others.length > 0) message.tool_calls = others;
    else delete message.tool_calls;
    const finish =
      others.length === 0 && choice.finish_reason === "tool_calls" ? "stop" : choice.finish_reason;
    return { ...body, choices: [{ ...choice, message, finish_reason: finish }] } satisfies OpenAIChatResponse;
  },
  openaiChunks: () => exitToolChunks(),
});

function exitToolChunks(): OpenAIChunkHook {
  let exitIndex: number | undefined;
  let exitArguments = "";
  let otherCalls = false;
  const indexOf = createToolCallIndexer();
  let last: OpenAIChatChunk | undefined;
  const hook: OpenAIChunkHook = (chunk) => {
    last = chunk;
    const choice = chunk.choices?.[0];
    if (!choice) return chunk;
    let delta = choice.delta ?? {};
    if (delta.tool_calls?.length) {
      const kept = delta.tool_calls.filter((call) => {
        const index = indexOf(call);
        if (call.function?.name === EXIT_TOOL_NAME) exitIndex = index;
        if (index === exitIndex) {
          exitArguments += toolArgumentsText(call.function?.arguments);
          return false;
        }
        otherCalls = true;
        return true;
      });
      delta = kept.length > 0 ? { ...delta, tool_calls: kept } : omitDeltaKey(delta, "tool_calls");
    }
    if (!choice.finish_reason || exitIndex === undefined) return replaceDelta(chunk, delta);
    const finish = !otherCalls && choice.finish_reason === "tool_calls" ? "stop" : choice.finish_reason;
    const out: OpenAIChatChunk[] = [chunkWithDelta(chunk, { content: exitText(exitArguments) })];
    const [, ...rest] = chunk.choices ?? [];
    out.push({ ...chunk, choices: [{ ...choice, delta, finish_reason: finish }, ...rest] });
    exitIndex = undefined;
    exitArguments = "";
    return out;
  };
  // A stream that ends with [DONE] but no finish_reason still shows the ExitTool answer.
  hook.flush = () => {
    if (exitIndex === undefined || last === undefined) return null;
    exitIndex = undefined;
    return chunkWithDelta(last, { content: exitText(exitArguments) });
  };
  return hook;
}

function exitText(args: string): string {
  try {
    const parsed: unknown = JSON.parse(args || "{}");
    if (typeof parsed === "object" && parsed !== null && "response" in parsed) {
      const response = (parsed as { response: unknown }).response;
      return typeof response === "string" ? response : JSON.stringify(response);
    }
    return "";
  } catch {
    // A truncated or malformed answer is still the model's answer: show it rather than nothing.
    return args;
  }
}

function toolName(tool: OpenAITool): string | undefined {
  return tool.type === "function" ? (tool as { function: { name: string } }).function.name : undefined;
}

/** The reminder joins the leading system message, which every chat template accepts. */
function withReminder(messages: OpenAIChatMessage[]): OpenAIChatMessage[] {
  const first = messages[0];
  if (first?.role === "system" && typeof first.content === "string") {
    return [{ ...first, content: `${first.content}\n\n${REMINDER}` }, ...messages.slice(1)];
  }
  return [{ role: "system", content: REMINDER }, ...messages];
}

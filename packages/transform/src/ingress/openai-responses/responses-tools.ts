import type * as v from "valibot";
import { shortenToolName } from "../../tool-names.js";
import type { AnthropicCustomTool, AnthropicToolChoice } from "../../types/anthropic.js";
import type { ResponsesCustomTool, ResponsesFunctionTool } from "../../types/openai-responses.js";
import { parseOpenAIRequest } from "../parse-openai-request.js";
import { responsesToolSchema } from "./responses-request-schema.js";

/** What the client calls a tool that goes upstream under one flat name. */
export interface ClientToolName {
  readonly name: string;
  readonly namespace?: string;
  /** A free-form tool: called with one string, answered as a `custom_tool_call`. */
  readonly custom: boolean;
}

/**
 * The name a tool goes upstream under: its own, or `namespace__name` for a tool of a namespace (upstreams
 * know no namespaces), shortened to 64 characters the same way every turn.
 */
export function upstreamToolName(name: string, namespace?: string | null): string {
  return namespace ? shortenToolName(`${namespace}__${name}`) : name;
}

/** The argument a custom tool's one string goes upstream in. */
export const CUSTOM_TOOL_ARGUMENT = "input";

/** The client's tools as canonical tools, and the way back from an upstream tool name to the client's. */
export interface ResponsesToolset {
  readonly tools: AnthropicCustomTool[];
  readonly names: ReadonlyMap<string, ClientToolName>;
  /** Hosted tools left out (web_search...): no tier runs OpenAI's hosted tools. */
  readonly dropped: readonly string[];
}

/**
 * Function tools keep their name and schema; each function or custom tool of a namespace goes up as
 * `namespace__name`; a custom tool (free-form input, such as Codex's `apply_patch` grammar) becomes a function
 * with one string argument whose description carries the tool's grammar. Hosted tools are dropped, not
 * refused: a request that offers web search still works, without it.
 *
 * @throws TranslationError (400) naming a malformed function, custom or namespace tool.
 */
export function responsesToolset(tools: readonly { type: string }[] | null | undefined): ResponsesToolset {
  const out: AnthropicCustomTool[] = [];
  const names = new Map<string, ClientToolName>();
  const dropped: string[] = [];
  const add = (tool: ResponsesFunctionTool | ResponsesCustomTool, namespace?: string) => {
    const upstream = upstreamToolName(tool.name, namespace);
    const custom = tool.type === "custom";
    names.set(upstream, { name: tool.name, ...(namespace ? { namespace } : {}), custom });
    out.push(custom ? customTool(upstream, tool) : functionTool(upstream, tool));
  };
  (tools ?? []).forEach((tool, index) => {
    if (tool.type !== "function" && tool.type !== "custom" && tool.type !== "namespace") {
      dropped.push(tool.type);
      return;
    }
    const parsed = parseOpenAIRequest(responsesToolSchema, tool, `tools[${index}]`) as v.InferOutput<
      typeof responsesToolSchema
    >;
    if (parsed.type === "namespace") for (const inner of parsed.tools) add(inner as never, parsed.name);
    else add(parsed as never);
  });
  return { tools: out, names, dropped };
}

function functionTool(name: string, tool: ResponsesFunctionTool): AnthropicCustomTool {
  const out: AnthropicCustomTool = {
    name,
    input_schema: tool.parameters ?? { type: "object", properties: {} },
  };
  if (tool.description) out.description = tool.description;
  return out;
}

function customTool(name: string, tool: ResponsesCustomTool): AnthropicCustomTool {
  const format = tool.format;
  const input =
    format?.type === "grammar"
      ? `The tool's whole input as one string, written in this ${format.syntax} grammar:\n${format.definition}`
      : "The tool's whole input as one string.";
  const out: AnthropicCustomTool = {
    name,
    input_schema: {
      type: "object",
      properties: { [CUSTOM_TOOL_ARGUMENT]: { type: "string", description: input } },
      required: [CUSTOM_TOOL_ARGUMENT],
      additionalProperties: false,
    },
  };
  if (tool.description) out.description = tool.description;
  return out;
}

/**
 * The string a custom tool was called with, from the upstream's arguments: the `input` argument, or, from a
 * model that ignored the schema, its one string argument, else the arguments as JSON.
 */
export function customToolInput(args: unknown): string {
  if (typeof args === "string") return args;
  if (typeof args === "object" && args !== null) {
    const record = args as Record<string, unknown>;
    const input = record[CUSTOM_TOOL_ARGUMENT];
    if (typeof input === "string") return input;
    const values = Object.values(record);
    if (values.length === 1 && typeof values[0] === "string") return values[0];
  }
  return JSON.stringify(args ?? "");
}

/**
 * `tool_choice` and `parallel_tool_calls` as Anthropic's `tool_choice`; a choice of a hosted tool (dropped)
 * leaves the model free.
 */
export function responsesToolChoice(
  choice: unknown,
  parallelToolCalls: boolean | null | undefined,
): AnthropicToolChoice | undefined {
  const disableParallel = parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any", ...disableParallel };
  if (typeof choice === "object" && choice !== null) {
    const { type, name, namespace, mode } = choice as Record<string, unknown>;
    if ((type === "function" || type === "custom") && typeof name === "string")
      return {
        type: "tool",
        name: upstreamToolName(name, typeof namespace === "string" ? namespace : undefined),
        ...disableParallel,
      };
    if (type === "allowed_tools" && mode === "required") return { type: "any", ...disableParallel };
  }
  if (choice !== undefined && choice !== null) return { type: "auto", ...disableParallel };
  return parallelToolCalls === false ? { type: "auto", ...disableParallel } : undefined;
}

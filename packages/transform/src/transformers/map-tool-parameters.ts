import { isRecord } from "../transformer/transformer-options.js";
import type { OpenAITool } from "../types/openai.js";

/**
 * The tools with each function's `parameters` schema replaced by `map(schema)`; other tools, and functions
 * without an object schema, are kept as they are. For transformers that clean schemas for a provider that
 * rejects parts of JSON Schema (Gemini's subset, Groq's `$schema`). Never mutates its arguments.
 */
export function mapToolParameters(
  tools: readonly OpenAITool[],
  map: (schema: Record<string, unknown>) => unknown,
): OpenAITool[] {
  return tools.map((tool) => {
    if (tool.type !== "function" || !isRecord(tool.function)) return tool;
    const parameters = (tool.function as { parameters?: unknown }).parameters;
    if (!isRecord(parameters)) return tool;
    return { ...tool, function: { ...tool.function, parameters: map(parameters) } } as OpenAITool;
  });
}

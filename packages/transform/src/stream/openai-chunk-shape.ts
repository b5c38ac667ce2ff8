import { jsonKind } from "../errors/malformed-answer-error.js";
import { openAIFunctionProblem, openAIToolCallProblem } from "../response/openai-tool-call-problem.js";
import { isRecord } from "../transformer/transformer-options.js";

/**
 * The position of the choice Claude Code gets, index 0, in a chunk's `choices` (-1 when it has none). An
 * upstream asked for (or defaulting to) several choices interleaves their chunks; the others are ignored.
 */
export function firstChoicePosition(choices: readonly unknown[]): number {
  const first = choices[0];
  if (first === undefined) return -1;
  if (!isRecord(first) || first.index === undefined || first.index === 0) return 0;
  return choices.findIndex((choice) => isRecord(choice) && choice.index === 0);
}

/**
 * Why an upstream stream chunk is not a Chat Completions chunk that translates without losing anything,
 * naming the path; undefined when it is. Only what the translation reads is checked, so a field a provider
 * adds never fails a stream, and of several choices only the one Claude Code gets. A few cheap type checks
 * per chunk: nothing is parsed again.
 *
 * Tolerated, since nothing is lost: a chunk without `choices` that carries `usage` (the usage-only chunk),
 * `usage` or `id` of another type (the usage is then estimated, the id made up), reasoning that is not a
 * string (a dialect's structured reasoning: the thinking is left out, the answer is whole).
 */
export function openAIChunkProblem(chunk: Record<string, unknown>): string | undefined {
  const choices = chunk.choices;
  if (choices == null)
    return chunk.usage == null ? "choices: required in a chunk that carries no usage" : undefined;
  if (!Array.isArray(choices)) return `choices: expected an array, got ${jsonKind(choices)}`;
  for (let position = 0; position < choices.length; position++)
    if (!isRecord(choices[position]))
      return `choices.${position}: expected an object, got ${jsonKind(choices[position])}`;
  const position = firstChoicePosition(choices);
  return position < 0 ? undefined : choiceProblem(choices[position], `choices.${position}`);
}

function choiceProblem(choice: Record<string, unknown>, path: string): string | undefined {
  const { delta, finish_reason: finishReason } = choice;
  if (finishReason != null && typeof finishReason !== "string")
    return `${path}.finish_reason: expected a string, got ${jsonKind(finishReason)}`;
  if (delta == null) return undefined;
  if (!isRecord(delta)) return `${path}.delta: expected an object, got ${jsonKind(delta)}`;
  if (delta.content != null && typeof delta.content !== "string")
    return `${path}.delta.content: expected a string, got ${jsonKind(delta.content)}`;
  if (delta.refusal != null && typeof delta.refusal !== "string")
    return `${path}.delta.refusal: expected a string, got ${jsonKind(delta.refusal)}`;
  const calls = delta.tool_calls;
  if (calls != null) {
    if (!Array.isArray(calls)) return `${path}.delta.tool_calls: expected an array, got ${jsonKind(calls)}`;
    for (let position = 0; position < calls.length; position++) {
      const problem = openAIToolCallProblem(calls[position], `${path}.delta.tool_calls.${position}`, true);
      if (problem) return problem;
    }
  } else if (delta.function_call != null) {
    return openAIFunctionProblem(delta.function_call, `${path}.delta.function_call`, true);
  }
  return undefined;
}

import type { AnthropicMessagesRequest, AnthropicToolChoice } from "../types/anthropic.js";

/**
 * `max_tokens` when an OpenAI client sets no limit (OpenAI's protocols do not require one, Anthropic's does):
 * enough for an agent's turn with some reasoning, and within what most OpenAI-compatible models accept. A
 * model's configured max output lowers it further.
 */
export const DEFAULT_MAX_TOKENS = 8192;

/** Thinking budgets for OpenAI's reasoning effort levels; "none" asks for no reasoning. */
const EFFORT_BUDGETS: Readonly<Record<string, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 4096,
  high: 16384,
  xhigh: 32768,
};

/** Anthropic's smallest thinking budget. */
const MIN_THINKING_BUDGET = 1024;

export interface SamplingInput {
  /** The client's output limit, if it set one. */
  readonly maxTokens: number | undefined;
  readonly effort: string | null | undefined;
  readonly temperature: number | null | undefined;
  readonly topP: number | null | undefined;
  readonly toolChoice: AnthropicToolChoice | undefined;
}

/**
 * Sets `max_tokens`, and `thinking` from an OpenAI reasoning effort or else the sampling parameters, on a
 * canonical request, as Anthropic allows them together: thinking needs a budget below `max_tokens` (OpenAI's
 * limits count reasoning too, so a client's limit holds both; without one the answer gets
 * {@link DEFAULT_MAX_TOKENS} on top of the budget), excludes `temperature` and `top_p`, and cannot be
 * combined with a forced tool choice (then the request goes without thinking). OpenAI's temperature goes to
 * 2, Anthropic's to 1.
 */
export function applySampling(request: AnthropicMessagesRequest, input: SamplingInput): void {
  request.max_tokens = input.maxTokens ?? DEFAULT_MAX_TOKENS;
  const budget = input.effort ? EFFORT_BUDGETS[input.effort] : undefined;
  const forced = input.toolChoice?.type === "any" || input.toolChoice?.type === "tool";
  if (budget !== undefined && !forced && (input.maxTokens ?? DEFAULT_MAX_TOKENS) > MIN_THINKING_BUDGET) {
    if (input.maxTokens === undefined) request.max_tokens = DEFAULT_MAX_TOKENS + budget;
    request.thinking = { type: "enabled", budget_tokens: Math.min(budget, request.max_tokens - 1) };
    return;
  }
  if (typeof input.temperature === "number") request.temperature = Math.min(input.temperature, 1);
  if (typeof input.topP === "number") request.top_p = input.topP;
}

/**
 * The instruction that stands in for OpenAI's structured output on the canonical request (Anthropic has no
 * `response_format`): answer with JSON only, matching the schema when one is given. OpenAI-compatible tiers
 * of a Chat Completions client get the client's own `response_format` instead (the request passes through).
 */
export function jsonOutputInstruction(format: { type: string; [key: string]: unknown } | null | undefined) {
  if (!format || (format.type !== "json_object" && format.type !== "json_schema")) return undefined;
  const base =
    "Answer with a single valid JSON object and nothing else: no prose before or after it, no code fences.";
  const schema =
    format.type === "json_schema"
      ? ((format.json_schema as { schema?: unknown } | undefined)?.schema ?? format.schema)
      : undefined;
  return schema === undefined
    ? base
    : `${base} The object must match this JSON schema:\n${JSON.stringify(schema)}`;
}

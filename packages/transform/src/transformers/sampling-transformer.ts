import type { TransformerFactory } from "../transformer/transformer.js";
import { TransformerConfigError } from "../transformer/transformer-config-error.js";
import { positiveIntegerOption } from "../transformer/transformer-options.js";

/** Sampling fields this transformer sets; the Anthropic API knows only the first three. */
const OPENAI_FIELDS = [
  "temperature",
  "top_p",
  "top_k",
  "min_p",
  "repetition_penalty",
  "presence_penalty",
  "frequency_penalty",
] as const;
const ANTHROPIC_FIELDS = new Set<string>(["temperature", "top_p", "top_k"]);

/**
 * Overrides sampling parameters: a number sets the field, `null` removes it
 * (for models that reject e.g. `temperature`). OpenAI-compatible tiers get
 * every listed field; Anthropic tiers only temperature, top_p and top_k,
 * the others being unknown to that API. `max_tokens`, as in
 * claude-code-router's transformer of the same name, caps the output limit
 * (like `maxtoken`).
 */
export const samplingTransformer: TransformerFactory = (options = {}) => {
  const overrides: [string, number | null][] = [];
  const maxTokens = positiveIntegerOption("sampling", options, "max_tokens");
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (key === "max_tokens") continue;
    if (!(OPENAI_FIELDS as readonly string[]).includes(key)) {
      throw new TransformerConfigError(
        "sampling",
        `unknown option "${key}". Known: max_tokens, ${OPENAI_FIELDS.join(", ")}`,
      );
    }
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
      throw new TransformerConfigError("sampling", `option "${key}" must be a number or null`);
    }
    overrides.push([key, value]);
  }
  const apply = <T extends Record<string, unknown>>(body: T, only?: ReadonlySet<string>): T => {
    const next: Record<string, unknown> = { ...body };
    for (const [key, value] of overrides) {
      if (only && !only.has(key)) continue;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    return next as T;
  };
  return {
    name: "sampling",
    anthropicRequest(request, context) {
      const capped =
        maxTokens !== undefined && request.max_tokens > maxTokens
          ? { ...request, max_tokens: maxTokens }
          : request;
      return context.protocol === "anthropic" ? apply(capped, ANTHROPIC_FIELDS) : capped;
    },
    openaiRequest(body) {
      return apply(body);
    },
  };
};

import type { TransformerFactory } from "../transformer/transformer.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatRequest } from "../types/openai.js";

/**
 * OpenRouter: Anthropic thinking becomes OpenRouter's unified `reasoning`
 * parameter (a budget → `max_tokens`, an effort → `effort`, disabled →
 * `enabled: false`); its `reasoning` answers become thinking blocks (core
 * translation). Every option is merged into the body as written, which is
 * how `provider` routing (`{"provider": {"only": ["moonshotai/fp8"]}}`),
 * `models`, `transforms` and the like reach OpenRouter.
 */
export const openrouterTransformer: TransformerFactory = (options = {}) => ({
  name: "openrouter",
  openaiRequest(body, context) {
    const reasoning = reasoningFor(context.request);
    return { ...body, ...(reasoning ? { reasoning } : {}), ...options };
  },
});

function reasoningFor(request: AnthropicMessagesRequest): OpenAIChatRequest["reasoning"] | undefined {
  const thinking = request.thinking;
  if (!thinking) return undefined;
  if (thinking.type === "disabled") return { enabled: false };
  if (thinking.type === "enabled") return { max_tokens: thinking.budget_tokens };
  const effort = request.output_config?.effort;
  if (effort === undefined) return { enabled: true };
  return { effort: effort === "max" ? "xhigh" : effort };
}

import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIReasoningEffort } from "../types/openai.js";

/**
 * Anthropic's thinking budget or effort → OpenAI's coarse `reasoning_effort`.
 * Budget thresholds follow Claude Code's keywords: "think" asks for ~4k
 * tokens (low), "think hard" ~10k (medium), "ultrathink" ~32k (high).
 * Adaptive thinking without an explicit effort means Anthropic's default, high.
 */
export function mapReasoningEffort(req: AnthropicMessagesRequest): OpenAIReasoningEffort | undefined {
  if (req.thinking?.type === "disabled") return undefined;
  const effort = req.output_config?.effort;
  if (effort !== undefined) return effort === "max" || effort === "xhigh" ? "high" : effort;
  const thinking = req.thinking;
  if (thinking?.type === "adaptive") return "high";
  if (thinking?.type !== "enabled") return undefined;
  if (thinking.budget_tokens <= 4096) return "low";
  if (thinking.budget_tokens <= 16384) return "medium";
  return "high";
}

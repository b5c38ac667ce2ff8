import { createTranslationContext, type TranslationContext } from "../translation-context.js";
import type { AnthropicMessagesRequest } from "../types/anthropic.js";
import type { OpenAIChatMessage, OpenAIChatRequest } from "../types/openai.js";
import { convertAssistantMessage } from "./convert-assistant-message.js";
import { systemText } from "./convert-system.js";
import { convertTools } from "./convert-tools.js";
import { convertUserMessage } from "./convert-user-message.js";
import { mapReasoningEffort } from "./map-reasoning-effort.js";
import { toOpenAIUser } from "./openai-user.js";
import type { RequestTranslationOptions } from "./request-translation-options.js";

/**
 * Anthropic Messages request → OpenAI Chat Completions request. The body is
 * built from scratch, so Anthropic-only fields (cache_control,
 * context_management, output_config, top_k, container...) never reach the
 * upstream. Throws TranslationError for input OpenAI cannot express.
 *
 * Tool schemas are shared with the request, not copied (copying two dozen
 * schemas would cost more than the whole translation): a transformer that
 * rewrites `parameters` must replace the object, not mutate it, or the next
 * tier of a cascade sees the change.
 */
export function anthropicToOpenAIRequest(
  req: AnthropicMessagesRequest,
  options: RequestTranslationOptions = {},
): { body: OpenAIChatRequest; context: TranslationContext } {
  const context = createTranslationContext(req.model, { stream: req.stream === true });
  const messages: OpenAIChatMessage[] = [];
  const system = systemText(req.system);
  if (system !== "") messages.push({ role: "system", content: system });

  req.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === "user") convertUserMessage(message.content, path, messages);
    else if (message.role === "assistant")
      messages.push(convertAssistantMessage(message.content, path, context, options));
    else {
      const text = systemText(message.content);
      if (text !== "") messages.push({ role: "system", content: text });
    }
  });

  const body: OpenAIChatRequest = { model: options.model ?? req.model, messages };
  body[options.maxTokensField ?? "max_tokens"] = req.max_tokens;
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.top_p !== undefined) body.top_p = req.top_p;
  if (req.stop_sequences !== undefined && req.stop_sequences.length > 0) body.stop = req.stop_sequences;
  if (req.stream === true) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  convertTools(req.tools, req.tool_choice, req.messages, context, body);
  const user = req.metadata?.user_id;
  if (typeof user === "string" && user !== "") body.user = toOpenAIUser(user);
  if (options.reasoningEffort === true) {
    const effort = mapReasoningEffort(req);
    if (effort !== undefined) body.reasoning_effort = effort;
  }
  return { body, context };
}

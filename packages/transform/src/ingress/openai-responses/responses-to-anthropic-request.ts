import { TranslationError } from "../../errors/translation-error.js";
import type { AnthropicMessagesRequest } from "../../types/anthropic.js";
import type { ResponsesInputItem, ResponsesRequest } from "../../types/openai-responses.js";
import { CanonicalConversation } from "../canonical-conversation.js";
import { applySampling, DEFAULT_MAX_TOKENS, jsonOutputInstruction } from "../canonical-settings.js";
import { addResponsesInput } from "./responses-input.js";
import { type ResponsesToolset, responsesToolChoice, responsesToolset } from "./responses-tools.js";

/**
 * A (validated) Responses API request → the canonical request (Anthropic Messages): `instructions` and the
 * leading developer/system messages become `system`; input items become turns; tools become canonical tools
 * (see {@link responsesToolset}); `reasoning.effort` becomes a thinking budget; `text.format` JSON output an
 * instruction. What CCR cannot honour is refused by name: stored responses (`previous_response_id`,
 * `conversation`, `background`), which CCR does not keep.
 *
 * @throws TranslationError (400) naming the field.
 */
export function responsesToAnthropicRequest(body: ResponsesRequest): {
  request: AnthropicMessagesRequest;
  toolset: ResponsesToolset;
} {
  if (typeof body.previous_response_id === "string" && body.previous_response_id !== "")
    throw new TranslationError(
      "CCR keeps no responses, so a response cannot continue a previous one: send the whole conversation in input (and store: false)",
      { path: "previous_response_id" },
    );
  if (body.conversation !== undefined && body.conversation !== null)
    throw new TranslationError("CCR keeps no conversations: send the whole conversation in input", {
      path: "conversation",
    });
  if (body.background === true)
    throw new TranslationError("background responses need stored responses, which CCR does not keep", {
      path: "background",
    });

  const conversation = new CanonicalConversation();
  if (typeof body.instructions === "string") conversation.instruction(body.instructions);
  addResponsesInput(conversation, body.input as string | ResponsesInputItem[]);
  const toolset = responsesToolset(body.tools as { type: string }[] | undefined);

  const request: AnthropicMessagesRequest = {
    model: body.model,
    max_tokens: DEFAULT_MAX_TOKENS,
    messages: conversation.messages("input"),
  };
  const system = conversation.system(jsonOutputInstruction(body.text?.format));
  if (system !== undefined) request.system = system;
  if (body.stream === true) request.stream = true;
  if (toolset.tools.length > 0) request.tools = toolset.tools;
  const toolChoice =
    toolset.tools.length > 0 ? responsesToolChoice(body.tool_choice, body.parallel_tool_calls) : undefined;
  if (toolChoice) request.tool_choice = toolChoice;
  const user = body.safety_identifier ?? body.user;
  if (typeof user === "string" && user !== "") request.metadata = { user_id: user };
  applySampling(request, {
    maxTokens: body.max_output_tokens ?? undefined,
    effort: body.reasoning?.effort,
    temperature: body.temperature,
    topP: body.top_p,
    toolChoice,
  });
  return { request, toolset };
}

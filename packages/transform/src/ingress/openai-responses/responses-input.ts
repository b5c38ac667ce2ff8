import { TranslationError } from "../../errors/translation-error.js";
import { parseToolArguments } from "../../response/parse-tool-arguments.js";
import { normalizeToolId } from "../../tool-ids.js";
import type { AnthropicContentBlock, AnthropicToolResultContent } from "../../types/anthropic.js";
import type {
  ResponsesContentPart,
  ResponsesInputItem,
  ResponsesMessageItem,
  ResponsesToolOutput,
} from "../../types/openai-responses.js";
import type { CanonicalConversation } from "../canonical-conversation.js";
import { dataUrlBlock } from "../data-url-block.js";
import { CUSTOM_TOOL_ARGUMENT, upstreamToolName } from "./responses-tools.js";

/**
 * The (validated) `input` items written into a canonical conversation: messages by role, `function_call` and
 * `custom_tool_call` items as the assistant's tool calls (under their upstream names), their outputs as tool
 * results. Items that only record OpenAI-side state (reasoning, hosted tool calls) were accepted by the
 * schema and are left out here.
 *
 * @throws TranslationError (400) naming a part with no canonical form (a file by id).
 */
export function addResponsesInput(
  conversation: CanonicalConversation,
  input: string | readonly ResponsesInputItem[],
): void {
  if (typeof input === "string") {
    conversation.add("user", input === "" ? [] : [{ type: "text", text: input }]);
    return;
  }
  input.forEach((item, index) => {
    const path = `input[${index}]`;
    switch (item.type) {
      case "message":
        addMessage(conversation, item as ResponsesMessageItem, path);
        return;
      case "function_call": {
        const call = item as { call_id: string; name: string; namespace?: string | null; arguments: string };
        conversation.add("assistant", [
          {
            type: "tool_use",
            id: normalizeToolId(call.call_id),
            name: upstreamToolName(call.name, call.namespace),
            // The model's own text, repaired as it was when it came: refusing the conversation over a
            // model's malformed JSON would end it.
            input: parseToolArguments(call.arguments),
          },
        ]);
        return;
      }
      case "custom_tool_call": {
        const call = item as { call_id: string; name: string; namespace?: string | null; input: string };
        conversation.add("assistant", [
          {
            type: "tool_use",
            id: normalizeToolId(call.call_id),
            name: upstreamToolName(call.name, call.namespace),
            input: { [CUSTOM_TOOL_ARGUMENT]: call.input },
          },
        ]);
        return;
      }
      case "function_call_output":
      case "custom_tool_call_output": {
        const result = item as { call_id: string; output: ResponsesToolOutput };
        conversation.add("user", [
          {
            type: "tool_result",
            tool_use_id: normalizeToolId(result.call_id),
            content: toolResultContent(result.output, `${path}.output`),
          },
        ]);
        return;
      }
      default:
        return;
    }
  });
}

function addMessage(conversation: CanonicalConversation, message: ResponsesMessageItem, path: string): void {
  if (message.role === "system" || message.role === "developer") {
    conversation.instruction(partsText(message.content));
    return;
  }
  const blocks = contentBlocks(message.content, `${path}.content`);
  conversation.add(message.role, blocks);
}

function partsText(content: string | readonly ResponsesContentPart[]): string {
  if (typeof content === "string") return content;
  const texts: string[] = [];
  for (const part of content) {
    if (part.type === "input_text" || part.type === "output_text") texts.push(part.text);
  }
  return texts.join("\n");
}

function contentBlocks(
  content: string | readonly ResponsesContentPart[],
  path: string,
): AnthropicContentBlock[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  const blocks: AnthropicContentBlock[] = [];
  content.forEach((part, index) => {
    const block = partBlock(part, `${path}[${index}]`);
    if (block) blocks.push(block);
  });
  return blocks;
}

function partBlock(part: ResponsesContentPart, path: string): AnthropicContentBlock | undefined {
  switch (part.type) {
    case "input_text":
    case "output_text":
      return part.text === "" ? undefined : { type: "text", text: part.text };
    case "refusal":
      return part.refusal === "" ? undefined : { type: "text", text: part.refusal };
    case "input_image":
      if (typeof part.image_url === "string" && part.image_url !== "")
        return dataUrlBlock(part.image_url, `${path}.image_url`, "image");
      throw noUploadedFiles(`${path}.file_id`);
    case "input_file": {
      const url = part.file_data ?? part.file_url;
      if (typeof url !== "string" || url === "") throw noUploadedFiles(`${path}.file_id`);
      const block = dataUrlBlock(url, `${path}.${part.file_data ? "file_data" : "file_url"}`, "document");
      if (block.type === "document" && part.filename) block.title = part.filename;
      return block;
    }
  }
}

function toolResultContent(output: ResponsesToolOutput, path: string): string | AnthropicToolResultContent[] {
  if (typeof output === "string") return output;
  const blocks: AnthropicToolResultContent[] = [];
  output.forEach((part, index) => {
    const block = partBlock(part, `${path}[${index}]`);
    if (block) blocks.push(block as AnthropicToolResultContent);
  });
  return blocks;
}

function noUploadedFiles(path: string): TranslationError {
  return new TranslationError(
    "files must be sent inline (a data: or http URL): CCR keeps no uploaded files",
    {
      path,
    },
  );
}

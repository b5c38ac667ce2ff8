import type {
  AnthropicContentBlock,
  AnthropicMessageParam,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
} from "../../types/anthropic.js";
import type { RequestRepair } from "./request-repair.js";

type ToolCall = { original: string; id: string; path: string; answered: boolean };

/**
 * Makes every `tool_use` and `tool_result` of the conversation pair up the
 * way both Anthropic and OpenAI-compatible APIs require (each call answered
 * in the next user message, each result answering a call of the assistant
 * message before it, ids unique), repairing instead of refusing:
 * - a `tool_use` id used earlier in the conversation (some providers number
 *   their calls `call_0`, `call_1`... in every turn) is renamed, and so is the
 *   `tool_result` that answers it;
 * - a `tool_result` that answers no call of the previous assistant message
 *   (its call was compacted or rewound away) becomes text that keeps its
 *   whole content;
 * - a call the next user message does not answer (an interrupted turn) gets
 *   a `tool_result` marked as an error saying no result was recorded.
 * `system` messages between a call and its result are skipped over. Returns
 * the messages themselves when nothing needed repair; otherwise new arrays
 * and objects only where something changed (the input is never modified).
 */
export function pairToolCalls(
  messages: readonly AnthropicMessageParam[],
  repairs: RequestRepair[],
): AnthropicMessageParam[] {
  const repairsBefore = repairs.length;
  const output: AnthropicMessageParam[] = [];
  const usedIds = new Set<string>();
  let open: ToolCall[] = [];
  messages.forEach((message, index) => {
    if (message.role === "system") output.push(message);
    else if (message.role === "assistant") {
      if (open.length > 0) output.push({ role: "user", content: unanswered(open, repairs) });
      const registered = registerToolUses(message, index, usedIds, repairs);
      output.push(registered.message);
      open = registered.calls;
    } else {
      output.push(answerToolResults(message, index, open, repairs));
      open = [];
    }
  });
  if (open.length > 0) output.push({ role: "user", content: unanswered(open, repairs) });
  return repairs.length > repairsBefore ? output : (messages as AnthropicMessageParam[]);
}

function registerToolUses(
  message: AnthropicMessageParam,
  index: number,
  usedIds: Set<string>,
  repairs: RequestRepair[],
): { message: AnthropicMessageParam; calls: ToolCall[] } {
  const calls: ToolCall[] = [];
  if (typeof message.content === "string") return { message, calls };
  const blocks = message.content;
  let content: AnthropicContentBlock[] | undefined;
  blocks.forEach((block, blockIndex) => {
    if (block.type !== "tool_use") return;
    const path = `messages.${index}.content.${blockIndex}`;
    let id = block.id;
    if (usedIds.has(id)) {
      id = unusedId(block.id, usedIds);
      repairs.push({
        kind: "duplicate-tool-use-id",
        path: `${path}.id`,
        message: `tool_use id "${block.id}" is already used earlier in the conversation: renamed "${id}", with the tool_result answering it`,
      });
      content ??= [...blocks];
      content[blockIndex] = { ...block, id };
    }
    usedIds.add(id);
    calls.push({ original: block.id, id, path, answered: false });
  });
  return { message: content ? { ...message, content } : message, calls };
}

function answerToolResults(
  message: AnthropicMessageParam,
  index: number,
  calls: ToolCall[],
  repairs: RequestRepair[],
): AnthropicMessageParam {
  if (typeof message.content === "string") {
    if (calls.length === 0) return message;
    return { ...message, content: [...unanswered(calls, repairs), textBlock(message.content)] };
  }
  let changed = false;
  const content: AnthropicContentBlock[] = [];
  message.content.forEach((block, blockIndex) => {
    if (block.type !== "tool_result") {
      content.push(block);
      return;
    }
    const call = calls.find((candidate) => !candidate.answered && candidate.original === block.tool_use_id);
    if (call === undefined) {
      repairs.push({
        kind: "orphan-tool-result",
        path: `messages.${index}.content.${blockIndex}`,
        message: `tool_result for "${block.tool_use_id}" answers no tool_use of the previous assistant message: turned into text that keeps its content`,
      });
      content.push(...orphanToBlocks(block));
      changed = true;
      return;
    }
    call.answered = true;
    if (call.id === block.tool_use_id) content.push(block);
    else {
      content.push({ ...block, tool_use_id: call.id });
      changed = true;
    }
  });
  const missing = calls.filter((call) => !call.answered);
  if (missing.length > 0) {
    content.unshift(...unanswered(missing, repairs));
    changed = true;
  }
  return changed ? { ...message, content } : message;
}

function unanswered(calls: ToolCall[], repairs: RequestRepair[]): AnthropicToolResultBlock[] {
  return calls.map((call) => {
    repairs.push({
      kind: "unanswered-tool-use",
      path: call.path,
      message: `tool_use "${call.id}" has no tool_result in the next user message: answered with an error result saying none was recorded`,
    });
    return {
      type: "tool_result",
      tool_use_id: call.id,
      is_error: true,
      content: "No result was recorded for this tool call.",
    };
  });
}

/** An orphan result as user content: a line saying what it was, then its content as it was. */
function orphanToBlocks(block: AnthropicToolResultBlock): AnthropicContentBlock[] {
  const header = `[Result of tool call ${block.tool_use_id}${block.is_error === true ? " (an error)" : ""}, whose call is no longer in the conversation:]`;
  const { content } = block;
  const blocks: AnthropicContentBlock[] =
    content === undefined || typeof content === "string"
      ? [textBlock(content === undefined || content === "" ? header : `${header}\n${content}`)]
      : [
          textBlock(header),
          ...content.map(
            (part): AnthropicContentBlock =>
              part.type === "tool_reference" ? textBlock(`[Tool ${part.tool_name} was loaded.]`) : part,
          ),
        ];
  // The cache breakpoint the result carried stays where the result ended.
  const last = blocks.at(-1);
  if (block.cache_control != null && last !== undefined && CACHEABLE.has(last.type))
    blocks[blocks.length - 1] = { ...last, cache_control: block.cache_control } as AnthropicContentBlock;
  return blocks;
}

const CACHEABLE: ReadonlySet<string> = new Set(["text", "image", "document", "search_result"]);

function textBlock(text: string): AnthropicTextBlock {
  return { type: "text", text };
}

function unusedId(id: string, usedIds: Set<string>): string {
  let suffix = 2;
  while (usedIds.has(`${id}_${suffix}`)) suffix++;
  return `${id}_${suffix}`;
}

import type { AnthropicContentBlock, AnthropicMessage, AnthropicStreamEvent } from "../types/anthropic.js";

/**
 * A whole Anthropic message as the stream events that would have carried it: `message_start`, one start /
 * delta / stop per content block, `message_delta` with the stop reason and output tokens, `message_stop`.
 * For upstreams that answer a streaming request with plain JSON: the answer is complete, so the client gets
 * it as a complete stream instead of an error.
 */
export function messageEvents(message: AnthropicMessage): AnthropicStreamEvent[] {
  const { content, stop_reason, stop_sequence, usage, ...head } = message;
  const events: AnthropicStreamEvent[] = [
    {
      type: "message_start",
      message: {
        ...head,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 0 },
      },
    },
  ];
  content.forEach((block, index) => {
    const [start, deltas] = splitBlock(block);
    events.push({ type: "content_block_start", index, content_block: start });
    for (const delta of deltas) events.push({ type: "content_block_delta", index, delta });
    events.push({ type: "content_block_stop", index });
  });
  events.push(
    {
      type: "message_delta",
      delta: { stop_reason, stop_sequence },
      usage: { output_tokens: usage.output_tokens },
    },
    { type: "message_stop" },
  );
  return events;
}

type Delta = Extract<AnthropicStreamEvent, { type: "content_block_delta" }>["delta"];
type BlockStart = Extract<AnthropicStreamEvent, { type: "content_block_start" }>["content_block"];

/** A block as `content_block_start` shows it (text, thinking and tool input empty) and the deltas that fill it. */
function splitBlock(block: AnthropicContentBlock): [BlockStart, Delta[]] {
  switch (block.type) {
    case "text":
      return [{ ...block, text: "" }, block.text === "" ? [] : [{ type: "text_delta", text: block.text }]];
    case "thinking": {
      const deltas: Delta[] = [{ type: "thinking_delta", thinking: block.thinking }];
      if (block.signature) deltas.push({ type: "signature_delta", signature: block.signature });
      return [{ type: "thinking", thinking: "", signature: "" }, deltas];
    }
    case "tool_use":
    case "server_tool_use":
      return [
        { ...block, input: {} } as BlockStart,
        [{ type: "input_json_delta", partial_json: JSON.stringify(block.input) }],
      ];
    default:
      return [block as BlockStart, []];
  }
}

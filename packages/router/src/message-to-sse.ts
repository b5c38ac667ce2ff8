import { type AnthropicContentBlock, type AnthropicMessage, formatSseEvent } from "@ccr/transform";

/**
 * A whole Anthropic message as the SSE stream that would have carried it: `message_start`, one start /
 * delta / stop per content block, `message_delta` with the stop reason and output tokens, `message_stop`.
 * For upstreams that answer a streaming request with plain JSON: the answer is complete, so the client
 * gets it as a complete stream instead of an error.
 */
export function messageToSse(message: AnthropicMessage): Uint8Array {
  const { content, stop_reason, stop_sequence, usage, ...head } = message;
  let text = frame("message_start", {
    type: "message_start",
    message: {
      ...head,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 0 },
    },
  });
  content.forEach((block, index) => {
    const [start, deltas] = splitBlock(block);
    text += frame("content_block_start", { type: "content_block_start", index, content_block: start });
    for (const delta of deltas)
      text += frame("content_block_delta", { type: "content_block_delta", index, delta });
    text += frame("content_block_stop", { type: "content_block_stop", index });
  });
  text += frame("message_delta", {
    type: "message_delta",
    delta: { stop_reason, stop_sequence },
    usage: { output_tokens: usage.output_tokens },
  });
  text += frame("message_stop", { type: "message_stop" });
  return new TextEncoder().encode(text);
}

function frame(event: string, data: unknown): string {
  return formatSseEvent(event, JSON.stringify(data));
}

/** A block as `content_block_start` shows it (text, thinking and tool input empty) and the deltas that fill it. */
function splitBlock(block: AnthropicContentBlock): [unknown, unknown[]] {
  switch (block.type) {
    case "text":
      return [{ ...block, text: "" }, block.text === "" ? [] : [{ type: "text_delta", text: block.text }]];
    case "thinking": {
      const deltas: unknown[] = [{ type: "thinking_delta", thinking: block.thinking }];
      if (block.signature) deltas.push({ type: "signature_delta", signature: block.signature });
      return [{ type: "thinking", thinking: "", signature: "" }, deltas];
    }
    case "tool_use":
    case "server_tool_use":
      return [
        { ...block, input: {} },
        [{ type: "input_json_delta", partial_json: JSON.stringify(block.input) }],
      ];
    default:
      return [block, []];
  }
}

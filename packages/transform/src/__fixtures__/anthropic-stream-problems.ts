/**
 * Test support: what is wrong with a sequence of Anthropic stream events,
 * judged by the protocol's rules rather than by a lenient client (the SDK
 * accepts deltas for blocks that were already stopped). Empty when the
 * stream is well-formed.
 */
export function anthropicStreamProblems(events: Array<{ event: string | undefined; data: unknown }>): string[] {
  const problems: string[] = [];
  let open: number | undefined;
  let nextIndex = 0;
  let phase = "before" as "before" | "content" | "delta" | "stopped";
  events.forEach(({ event, data }, position) => {
    const at = `event ${position} (${event})`;
    const record = data as { type?: string; index?: number; content_block?: { type: string; thinking?: string } };
    if (record.type !== event) problems.push(`${at}: data.type ${record.type} differs from the event name`);
    switch (event) {
      case "message_start":
        if (phase !== "before") problems.push(`${at}: message_start is not first`);
        phase = "content";
        break;
      case "content_block_start":
        if (phase !== "content") problems.push(`${at}: block started outside the content phase`);
        if (open !== undefined) problems.push(`${at}: block ${record.index} started while ${open} is open`);
        if (record.index !== nextIndex) problems.push(`${at}: index ${record.index}, expected ${nextIndex}`);
        open = record.index;
        nextIndex += 1;
        break;
      case "content_block_delta":
        if (record.index !== open) problems.push(`${at}: delta for block ${record.index} while ${open} is open`);
        break;
      case "content_block_stop":
        if (record.index !== open) problems.push(`${at}: stop for block ${record.index} while ${open} is open`);
        open = undefined;
        break;
      case "message_delta":
        if (open !== undefined) problems.push(`${at}: message_delta while block ${open} is open`);
        if (phase !== "content") problems.push(`${at}: message_delta out of place`);
        phase = "delta";
        break;
      case "message_stop":
        if (phase !== "delta") problems.push(`${at}: message_stop without message_delta`);
        phase = "stopped";
        break;
      case "error":
        if (position !== events.length - 1) problems.push(`${at}: events after an error`);
        phase = "stopped";
        break;
      case "ping":
        break;
      default:
        problems.push(`${at}: unknown event`);
    }
  });
  if (phase !== "stopped") problems.push("stream ends without message_stop or error");
  return problems;
}

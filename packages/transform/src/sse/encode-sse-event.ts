const encoder = new TextEncoder();

/**
 * One SSE frame as text. Multi-line data becomes several `data:` lines, so
 * any string round-trips through a conforming parser.
 */
export function formatSseEvent(event: string | undefined, data: string): string {
  const head = event === undefined ? "" : `event: ${event}\n`;
  if (!data.includes("\n") && !data.includes("\r")) return `${head}data: ${data}\n\n`;
  return `${head}${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join("")}\n`;
}

/** One SSE frame as UTF-8 bytes, ready to enqueue on a response stream. */
export function encodeSseEvent(event: string | undefined, data: string): Uint8Array {
  return encoder.encode(formatSseEvent(event, data));
}

/**
 * A content block whose type CCR does not know (from a client newer than
 * CCR) has no OpenAI form. It is sent as its whole JSON, clearly delimited,
 * so the model still sees everything the client sent: never dropped, never
 * reduced to its type name.
 */
export function unknownBlockToText(block: { type?: unknown }): string {
  return `[unsupported content block ${JSON.stringify(block.type ?? null)}: ${JSON.stringify(block)}]`;
}

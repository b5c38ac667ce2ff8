/** An Anthropic-looking message id, derived from the upstream's id when it has one. */
export function messageId(upstreamId: string | undefined | null): string {
  if (typeof upstreamId === "string" && upstreamId !== "") {
    return upstreamId.startsWith("msg_") ? upstreamId : `msg_${upstreamId.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  }
  return `msg_${crypto.randomUUID().replace(/-/g, "")}`;
}

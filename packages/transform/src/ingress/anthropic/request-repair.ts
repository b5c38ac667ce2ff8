/**
 * A change the decoder made to a request instead of refusing it, because
 * Claude Code's own history editing (compaction, rewinds, interrupted tool
 * calls, providers that reuse tool-call ids) can legitimately produce it and
 * every provider would refuse it as it was. Meant for a debug log.
 */
export type RequestRepair = {
  kind: "orphan-tool-result" | "unanswered-tool-use" | "duplicate-tool-use-id";
  /** Where, in the request as the client sent it: `messages.4.content.0`. */
  path: string;
  /** What was found and what was done. */
  message: string;
};

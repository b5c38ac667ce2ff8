import type { UpstreamResponseError } from "../errors/upstream-response-error.js";
import type { TokenUsage } from "./token-usage.js";

/**
 * What a stream translation knows about the answer it is translating, as plain data updated by each step:
 * the router decides from it (hold the answer until `content`, try another upstream on an `error` before it,
 * report `usage`) and never re-reads the bytes it produced.
 */
export interface StreamFacts {
  /** The message has begun (`message_start`). */
  readonly started: boolean;
  /**
   * Something beyond the message's start was emitted: a content block, or the message's end. Until then the
   * client has nothing worth keeping, so a failure can still go to another upstream unseen.
   */
  readonly content: boolean;
  /** The message ended as it should (`message_stop`): nothing more will come. */
  readonly completed: boolean;
  /**
   * The answer failed: the upstream reported an error in the stream, sent something that is not a stream, or
   * stopped before the message ended. Once `content` is true, the output already ends with an error frame in
   * the client's protocol.
   */
  readonly error: UpstreamResponseError | undefined;
  readonly stopReason: string | undefined;
  /** Usage as reported so far: `message_start`'s, updated by `message_delta`'s. */
  readonly usage: TokenUsage | undefined;
}

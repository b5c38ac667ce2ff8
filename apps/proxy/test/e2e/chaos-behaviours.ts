import {
  anthropicErrorFirstFrame,
  anthropicText,
  anthropicTextFrames,
  type Behaviour,
  encodeSseFrame,
  hang,
  httpError,
  openaiErrorFirstFrame,
  openaiErrorIn200,
  openaiText,
  openaiTextFrames,
  overloaded,
  reset,
  type SseFrame,
} from "@ccr/testkit";

export type ChaosProtocol = "openai" | "anthropic";

/**
 * Every way the soak's chaotic tiers answer one attempt: well, or as providers fail. `stream` modes that
 * make no sense for a non-streaming request fall back to their nearest JSON kin (see chaosBehaviour).
 */
export const CHAOS_MODES = [
  "ok",
  "rate_limited",
  "server_error",
  "unavailable",
  "overloaded",
  "reset",
  "hang",
  "silent_stream",
  "error_in_200",
  "error_mid_stream",
  "reset_mid_stream",
  "idle_mid_stream",
  "malformed_first",
  "malformed_mid_stream",
  "cut_mid_frame",
  "garbage_between_frames",
] as const;

export type ChaosMode = (typeof CHAOS_MODES)[number];

/** Modes that count against a tier's health (its circuit breaker), as opposed to a success or a 429. */
export function countsAgainstHealth(mode: ChaosMode): boolean {
  return mode !== "ok" && mode !== "rate_limited" && mode !== "garbage_between_frames";
}

/** The text of an answer for `tag`: the tag sits whole in one piece, so it is never cut between deltas. */
export function answerPieces(tag: string): string[] {
  return ["Answer ", tag, " done."];
}

export function answerText(tag: string): string {
  return answerPieces(tag).join("");
}

/** What a tier speaking `protocol` does for one attempt whose answer would carry `tag`. */
export function chaosBehaviour(
  mode: ChaosMode,
  protocol: ChaosProtocol,
  stream: boolean,
  tag: string,
): Behaviour {
  const pieces = answerPieces(tag);
  const frames = protocol === "openai" ? openaiTextFrames(pieces) : anthropicTextFrames(pieces);
  const whole = protocol === "openai" ? openaiText(answerText(tag)) : anthropicText(answerText(tag));
  /** The frames up to the last piece of text: content went out, the answer's end did not. */
  const begun = frames.slice(0, protocol === "openai" ? pieces.length + 1 : pieces.length + 2);
  const sse = (list: SseFrame[], after: "end" | "break" | "hang" = "end"): Behaviour => ({
    kind: "sse",
    frames: list,
    after,
  });
  const bytes = (chunks: (string | Uint8Array)[], contentType?: string): Behaviour => ({
    kind: "bytes",
    chunks,
    ...(contentType ? { contentType } : {}),
  });
  const errorIn200: Behaviour =
    protocol === "openai"
      ? openaiErrorIn200("the tier failed inside a 200", 503)
      : { kind: "json", body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } };
  switch (mode) {
    case "ok":
      return stream ? sse(frames) : whole;
    case "rate_limited":
      return {
        kind: "json",
        status: 429,
        headers: { "retry-after": "1", "retry-after-ms": "40" },
        body: { type: "error", error: { type: "rate_limit_error", message: "Rate limited" } },
      };
    case "server_error":
      return httpError(500);
    case "unavailable":
      return httpError(503);
    case "overloaded":
      return overloaded();
    case "reset":
      return reset();
    case "hang":
      return hang();
    case "silent_stream":
      return stream ? sse([], "hang") : hang();
    case "error_in_200":
      if (!stream) return errorIn200;
      return protocol === "openai"
        ? openaiErrorFirstFrame("the stream failed at once", 503)
        : anthropicErrorFirstFrame();
    case "error_mid_stream": {
      if (!stream) return errorIn200;
      const error: SseFrame =
        protocol === "openai"
          ? { data: { error: { message: "the stream failed mid-way", type: "server_error", code: 500 } } }
          : {
              event: "error",
              data: { type: "error", error: { type: "api_error", message: "failed mid-way" } },
            };
      return sse([...begun, error]);
    }
    case "reset_mid_stream":
      return stream ? sse(begun, "break") : reset();
    case "idle_mid_stream":
      return stream ? sse(begun, "hang") : hang();
    case "malformed_first":
      if (stream)
        return sse(
          protocol === "openai"
            ? [{ data: { id: "x", choices: 5 } }]
            : [{ event: "message_start", data: { type: "message_start" } }],
        );
      return {
        kind: "json",
        body:
          protocol === "openai"
            ? { id: "x", choices: [{ index: 0, message: "not a message", finish_reason: "stop" }] }
            : { type: "message", role: "assistant", content: [{ type: "text", text: 5 }] },
      };
    case "malformed_mid_stream": {
      if (!stream) return bytes(["{not json"], "application/json");
      const broken: SseFrame =
        protocol === "openai"
          ? { data: "{not json" }
          : {
              event: "content_block_delta",
              data: { type: "content_block_delta", index: 7, delta: { type: "text_delta", text: "x" } },
            };
      return sse([...begun, broken]);
    }
    case "cut_mid_frame": {
      if (!stream) {
        const json = JSON.stringify(whole.kind === "json" ? whole.body : {});
        return bytes([json.slice(0, json.length >> 1)], "application/json");
      }
      const next = encodeSseFrame(frames[begun.length] as SseFrame);
      return bytes([...begun.map(encodeSseFrame), next.slice(0, next.length >> 1)]);
    }
    case "garbage_between_frames": {
      if (!stream) return whole;
      const text = frames.map(encodeSseFrame);
      // A line that is no SSE field (starting with a byte that is no UTF-8) is ignored by the SSE rules.
      const garbage = new Uint8Array([0xff, ...new TextEncoder().encode(" garbage line\n\n")]);
      return bytes([text[0] as string, garbage, ...text.slice(1)]);
    }
  }
}

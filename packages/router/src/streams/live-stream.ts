import { type StreamTranslation, type TokenUsage, UpstreamResponseError } from "@ccr/transform";
import { describeError } from "../describe-error.js";
import type { ResponseSink } from "../output/response-sink.js";
import type { BodyFlow, BodyReceiver, UpstreamReply } from "../upstream/upstream-transport.js";

/** How a stream ended, for the cascade's reports. */
export interface StreamEnd {
  readonly outcome: "ok" | "failed" | "aborted";
  /** For a failure: why, in the router's terms. */
  readonly reason?: "midstream" | "timeout_idle";
  readonly message?: string;
}

/** What the first part of a stream says: it can go to the client, or it failed before any content. */
export type StreamOpening =
  | { readonly kind: "content" }
  | { readonly kind: "failed"; readonly error: unknown }
  | { readonly kind: "ended"; readonly error: UpstreamResponseError };

/** A streamed answer ready for the client: the cascade hands it a sink once it has chosen it. */
export interface OpenedStream {
  /** The usage the upstream reported, as far as the stream got. */
  readonly usage: TokenUsage | undefined;
  /**
   * Writes the head, what was held, and from then on the rest as it arrives; `onEnd` is called once,
   * however the stream ends.
   */
  attach(
    sink: ResponseSink,
    status: number,
    headers: Record<string, string>,
    onEnd: (end: StreamEnd) => void,
  ): void;
  /** The client left: drop the rest without writing anything. */
  abort(): void;
}

/** A streamed answer that arrived whole (an upstream that answered a stream request with JSON). */
export class WholeStream implements OpenedStream {
  constructor(
    readonly text: string,
    readonly usage: TokenUsage | undefined,
  ) {}

  attach(
    sink: ResponseSink,
    status: number,
    headers: Record<string, string>,
    onEnd: (end: StreamEnd) => void,
  ): void {
    sink.start(status, headers);
    sink.end(this.text);
    onEnd({ outcome: "ok" });
  }

  abort(): void {}
}

export interface LiveStreamOptions {
  readonly reply: UpstreamReply;
  readonly translation: StreamTranslation;
  /** Ends the stream with an error frame when the upstream sends nothing for this long (ms); none when undefined. */
  readonly idleTimeoutMs: number | undefined;
}

enum State {
  /** Reading up to the first content: nothing is the client's yet. */
  Holding,
  /** Content began; the client's head is not written yet, so the output is kept. */
  Opened,
  /** Writing to the client as chunks arrive. */
  Relaying,
  Ended,
}

/**
 * One streamed answer, from its upstream body to the client, pushed chunk by chunk: each upstream chunk is
 * translated and written as it arrives, with no promise, reader or timer per chunk. Until the first content
 * the output is held, so a failure before it stays the cascade's to handle; once relaying, every failure (an
 * error from the upstream, an idle upstream, a timeout, a cut connection, a stream that ends early) ends the
 * client's stream with an error frame in its protocol, never as if complete.
 */
export class LiveStream implements BodyReceiver, OpenedStream {
  readonly #reply: UpstreamReply;
  readonly #translation: StreamTranslation;
  readonly #idleTimeoutMs: number | undefined;
  readonly opening: Promise<StreamOpening>;
  #open!: (opening: StreamOpening) => void;
  #state = State.Holding;
  #held = "";
  #flow: BodyFlow | undefined;
  #sink: ResponseSink | undefined;
  #onEnd: ((end: StreamEnd) => void) | undefined;
  /** How the stream ended while no sink was attached yet. */
  #endedEarly: StreamEnd | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #lastDataAt = 0;
  readonly #resume = () => this.#flow?.resume();

  constructor(options: LiveStreamOptions) {
    this.#reply = options.reply;
    this.#translation = options.translation;
    this.#idleTimeoutMs = options.idleTimeoutMs;
    this.opening = new Promise((resolve) => {
      this.#open = resolve;
    });
    this.#flow = options.reply.stream(this);
  }

  /** The usage the upstream reported, as far as the stream got. */
  get usage(): TokenUsage | undefined {
    return this.#translation.facts.usage;
  }

  data(chunk: Uint8Array): void {
    if (this.#state === State.Ended) return;
    const text = this.#translation.push(chunk);
    this.#lastDataAt = performance.now();
    const content = this.#translation.facts.content;
    const done = this.#translation.done;
    switch (this.#state) {
      case State.Holding:
        this.#held += text;
        if (content) {
          this.#state = State.Opened;
          if (done) this.#endedEarly = this.#outcome();
          this.#open({ kind: "content" });
        } else if (done) {
          this.#giveUp();
          this.#open({ kind: "ended", error: this.#translation.facts.error! });
        }
        return;
      case State.Opened:
        this.#held += text;
        if (done) this.#endedEarly ??= this.#outcome();
        return;
      case State.Relaying:
        if (done) {
          this.#finish(text, this.#outcome());
          return;
        }
        if (text !== "" && !this.#sink!.write(text)) {
          this.#flow?.pause();
          this.#sink!.onDrain(this.#resume);
        }
    }
  }

  end(): void {
    if (this.#state === State.Ended) return;
    const text = this.#translation.end();
    this.#settle(text);
  }

  error(error: unknown): void {
    if (this.#state === State.Ended) return;
    if (this.#state === State.Holding) {
      this.#giveUp();
      this.#open({ kind: "failed", error });
      return;
    }
    this.#abandon(
      new UpstreamResponseError({
        status: 502,
        message: `the upstream connection failed mid-stream: ${describeError(error)}`,
      }),
      "midstream",
    );
  }

  /**
   * The router ends the stream with a failure of its own (an idle upstream, API_TIMEOUT_MS, no first event in
   * time): before content the opening fails with `error` and the cascade moves on; after it the client's
   * stream ends with the error frame.
   */
  fail(error: UpstreamResponseError, reason: StreamEnd["reason"]): void {
    if (this.#state === State.Ended) return;
    if (this.#state === State.Holding) {
      this.#giveUp();
      this.#open({ kind: "failed", error });
      return;
    }
    this.#abandon(error, reason);
  }

  /** The client left: drop the rest without writing anything more. */
  abort(): void {
    if (this.#state === State.Ended) return;
    if (this.#state === State.Holding) {
      this.#giveUp();
      this.#open({ kind: "failed", error: new Error("the client closed the request") });
      return;
    }
    this.#reply.discard();
    if (this.#state === State.Opened) {
      // Not handed to the client yet: `attach` reports the end.
      this.#state = State.Ended;
      this.#endedEarly = { outcome: "aborted" };
      return;
    }
    // Nothing more for a client that left; the end lets a sink that outlives it (a web stream) close.
    this.#finish("", { outcome: "aborted" });
  }

  attach(
    sink: ResponseSink,
    status: number,
    headers: Record<string, string>,
    onEnd: (end: StreamEnd) => void,
  ): void {
    if (this.#state === State.Ended) {
      onEnd(this.#endedEarly ?? { outcome: "aborted" });
      return;
    }
    this.#sink = sink;
    this.#onEnd = onEnd;
    sink.start(status, headers);
    const held = this.#held;
    this.#held = "";
    if (this.#endedEarly) {
      this.#state = State.Relaying;
      this.#finish(held, this.#endedEarly);
      return;
    }
    this.#state = State.Relaying;
    this.#lastDataAt = performance.now();
    if (this.#idleTimeoutMs !== undefined) this.#armIdle(this.#idleTimeoutMs);
    if (held !== "" && !sink.write(held)) {
      this.#flow?.pause();
      sink.onDrain(this.#resume);
    }
  }

  #settle(text: string): void {
    const { content } = this.#translation.facts;
    switch (this.#state) {
      case State.Holding:
        this.#held += text;
        if (content) {
          this.#state = State.Opened;
          this.#endedEarly = this.#outcome();
          this.#open({ kind: "content" });
        } else {
          this.#state = State.Ended;
          this.#open({ kind: "ended", error: this.#translation.facts.error! });
        }
        return;
      case State.Opened:
        this.#held += text;
        this.#endedEarly ??= this.#outcome();
        return;
      case State.Relaying:
        this.#finish(text, this.#outcome());
    }
  }

  /** The outcome the translation's facts say, once it is done. */
  #outcome(): StreamEnd {
    const { completed, error } = this.#translation.facts;
    if (completed) return { outcome: "ok" };
    return {
      outcome: "failed",
      reason: "midstream",
      message: error?.message ?? "the upstream stream ended early",
    };
  }

  /** Ends the client's stream with an error frame in its protocol, dropping the rest of the upstream. */
  #abandon(error: UpstreamResponseError, reason: StreamEnd["reason"]): void {
    const text = this.#translation.fail(error);
    this.#reply.discard();
    const end: StreamEnd = { outcome: "failed", reason, message: error.message };
    if (this.#state === State.Opened) {
      this.#held += text;
      this.#endedEarly ??= end;
      return;
    }
    this.#finish(text, end);
  }

  #finish(text: string, end: StreamEnd): void {
    // Nothing follows a finished answer: an upstream that lingers after its last event is dropped.
    this.#reply.discard();
    this.#sink!.end(text);
    this.#close(end);
  }

  #close(end: StreamEnd): void {
    this.#state = State.Ended;
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
    this.#onEnd?.(end);
  }

  /** A failure before content: the rest of this upstream's answer is of no use. */
  #giveUp(): void {
    this.#state = State.Ended;
    this.#reply.discard();
  }

  /**
   * One timer for the stream's whole life, armed for the idle limit and re-armed for whatever is left of it
   * when it fires after data came: nothing is done per chunk but noting the time.
   */
  #armIdle(delayMs: number): void {
    this.#idleTimer = setTimeout(this.#onIdleTimer, delayMs);
    this.#idleTimer.unref?.();
  }

  readonly #onIdleTimer = () => {
    this.#idleTimer = undefined;
    if (this.#state !== State.Relaying || this.#idleTimeoutMs === undefined) return;
    const left = this.#lastDataAt + this.#idleTimeoutMs - performance.now();
    if (left > 0) {
      this.#armIdle(left);
      return;
    }
    this.#abandon(
      new UpstreamResponseError({
        status: 529,
        message: `the upstream stream was idle for ${this.#idleTimeoutMs} ms`,
      }),
      "timeout_idle",
    );
  };
}

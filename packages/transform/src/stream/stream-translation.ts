import { terminateQuietly } from "../terminate-quietly.js";

/**
 * A stream translation as plain synchronous steps: upstream bytes in, Anthropic SSE text out. What one
 * `push` completes is translated before it returns, so a caller that reads the upstream body itself (a
 * Node stream, a fetch body) needs no web-stream plumbing between the socket and its client.
 *
 * Failures follow the stream rules: before any output, `push` or `end` throws UpstreamResponseError (the
 * caller may still try another upstream); once output began, the failure is an `event: error` frame at
 * the end of the returned text, and `done` turns true.
 */
export interface StreamTranslation {
  /** Translates what these bytes complete; "" when they complete nothing yet. */
  push(bytes: Uint8Array): string;
  /** The upstream body ended: whatever is left, ending the message or reporting it cut short. */
  end(): string;
  /**
   * The translated message is complete, or ended with an error frame: nothing more will come, and the rest
   * of the upstream body (an upstream can keep its connection open after `[DONE]`) can be dropped.
   */
  readonly done: boolean;
}

/** What a translation step writes, handed back as one piece when the step returns. */
export class TextOutput {
  #text = "";

  write(text: string): void {
    this.#text += text;
  }

  take(): string {
    const text = this.#text;
    this.#text = "";
    return text;
  }
}

/**
 * A {@link StreamTranslation} from its two steps, which write their Anthropic SSE to `output`: each call
 * returns what its step wrote, and once `isDone()` a call does nothing.
 */
export function stepwiseTranslation(
  output: TextOutput,
  isDone: () => boolean,
  steps: { push(bytes: Uint8Array): void; end(): void },
): StreamTranslation {
  return {
    get done() {
      return isDone();
    },
    push(bytes) {
      if (isDone()) return "";
      steps.push(bytes);
      return output.take();
    },
    end() {
      if (isDone()) return "";
      steps.end();
      return output.take();
    },
  };
}

const encoder = new TextEncoder();

/**
 * A {@link StreamTranslation} as a TransformStream of bytes. The output closes as soon as the translation
 * is done, cancelling the rest of the input.
 */
export function translationStream(create: () => StreamTranslation): TransformStream<Uint8Array, Uint8Array> {
  let translation!: StreamTranslation;
  const send = (controller: TransformStreamDefaultController<Uint8Array>, text: string) => {
    if (text !== "") controller.enqueue(encoder.encode(text));
    if (translation.done) terminateQuietly(controller);
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    start() {
      translation = create();
    },
    transform(bytes, controller) {
      if (!translation.done) send(controller, translation.push(bytes));
    },
    flush(controller) {
      if (!translation.done) send(controller, translation.end());
    },
  });
}

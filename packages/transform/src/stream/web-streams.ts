import type { StreamTranslation } from "./stream-translation.js";

const encoder = new TextEncoder();

/**
 * The web-streams edge of the package, for callers that want a TransformStream rather than the synchronous
 * steps every CCR path uses: a {@link StreamTranslation} as a TransformStream of bytes. Like the router, it
 * holds the output until content begins, so a failure before it errors the output with the
 * UpstreamResponseError and nothing else (a caller may try another upstream); otherwise the output closes
 * as soon as the translation is done, cancelling the rest of the input.
 */
export function translationStream(create: () => StreamTranslation): TransformStream<Uint8Array, Uint8Array> {
  let translation!: StreamTranslation;
  let held = "";
  const send = (controller: TransformStreamDefaultController<Uint8Array>, text: string) => {
    const { error, content } = translation.facts;
    if (!content) {
      held += text;
      if (error) controller.error(error);
      return;
    }
    const out = held + text;
    held = "";
    if (out !== "") controller.enqueue(encoder.encode(out));
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

/**
 * `controller.terminate()` without the cost of its by-product: terminating errors the writable side with a
 * fresh TypeError whose stack trace nobody reads (it only tells the pipe feeding the writable side to stop),
 * so it is captured empty. The readable side closes as usual.
 */
export function terminateQuietly(controller: TransformStreamDefaultController<Uint8Array>): void {
  const errorConstructor = Error as { stackTraceLimit?: number };
  const limit = errorConstructor.stackTraceLimit;
  errorConstructor.stackTraceLimit = 0;
  try {
    controller.terminate();
  } finally {
    errorConstructor.stackTraceLimit = limit;
  }
}

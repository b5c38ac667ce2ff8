import { FetchReply } from "./fetch-transport.js";
import type { UpstreamReply } from "./upstream-transport.js";

/**
 * The reply with its body run through a web-stream rewriter first: for transformers written for
 * claude-code-router, whose `transformResponseOut` takes and returns a stream. The rest of the path is the
 * same synchronous translation every stream takes.
 */
export function rewrittenReply(
  reply: UpstreamReply,
  rewrite: (body: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>,
): UpstreamReply {
  let resume: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const flow = reply.stream({
          data(chunk) {
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 1) <= 0) {
              flow.pause();
              resume = () => flow.resume();
            }
          },
          end: () => controller.close(),
          error: (error) => controller.error(error),
        });
      },
      pull() {
        const waiting = resume;
        resume = undefined;
        waiting?.();
      },
      cancel: () => reply.discard(),
    },
    { highWaterMark: 4 },
  );
  const rewritten = new FetchReply(new Response(rewrite(body), { status: reply.status }));
  return {
    status: reply.status,
    statusText: reply.statusText,
    header: (name) => reply.header(name),
    text: () => rewritten.text(),
    stream: (receiver) => rewritten.stream(receiver),
    discard: () => {
      rewritten.discard();
      reply.discard();
    },
  };
}

import { describe, expect, it } from "vitest";
import { terminateQuietly } from "./web-streams.js";

describe("terminateQuietly", () => {
  it("closes the readable side after what was enqueued, stops the writable side and restores the stack limit", async () => {
    const limit = Error.stackTraceLimit;
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        terminateQuietly(controller);
      },
    });
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const written = writer.write(new Uint8Array([1, 2]));
    expect(await reader.read()).toEqual({ done: false, value: new Uint8Array([1, 2]) });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    await written;
    await expect(writer.write(new Uint8Array([3]))).rejects.toBeInstanceOf(TypeError);
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

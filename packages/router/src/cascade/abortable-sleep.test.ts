import { describe, expect, it } from "vitest";
import { abortableSleep } from "./abortable-sleep.js";

describe("abortableSleep", () => {
  it("resolves after the delay", async () => {
    const start = Date.now();
    await abortableSleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
  });

  it("rejects with the abort reason as soon as the signal aborts, or at once when already aborted", async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error("client left"));
    await expect(sleeping).rejects.toThrow("client left");
    await expect(abortableSleep(10, AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
  });
});

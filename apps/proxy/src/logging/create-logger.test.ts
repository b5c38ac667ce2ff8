import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.js";

describe("createLogger", () => {
  it("writes JSON lines to the log folder with keys redacted by path and by value", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ccr-log-"));
    const { logger, flush } = createLogger({
      level: "info",
      stdout: false,
      fileDir: dir,
      redact: (line) => line.replaceAll("sk-live-123", "***"),
    });
    logger.info(
      { requestId: "req_1", headers: { authorization: "Bearer abc", "x-api-key": "def" } },
      "incoming",
    );
    logger.error({ err: new Error("provider said: bad key sk-live-123") }, "failed");
    logger.debug({}, "hidden at info");
    flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = readFileSync(join(dir, "ccr.log"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as {
      requestId: string;
      headers: Record<string, string>;
      msg: string;
    };
    expect(first.requestId).toBe("req_1");
    expect(first.headers).toEqual({ authorization: "***", "x-api-key": "***" });
    expect(lines[1]).not.toContain("sk-live-123");
    expect(lines[1]).toContain("bad key ***");
  });
});

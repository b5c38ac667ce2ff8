import { describe, expect, it } from "vitest";
import { resolveLogFormat } from "./log-format.js";
import { createPrettyLine } from "./pretty-line.js";

describe("resolveLogFormat", () => {
  it("is pretty on a terminal and JSON anywhere else", () => {
    expect(resolveLogFormat(undefined, {}, true)).toBe("pretty");
    expect(resolveLogFormat(undefined, {}, false)).toBe("json");
  });

  it("follows CCR_LOG_FORMAT, and an explicit choice over it", () => {
    expect(resolveLogFormat(undefined, { CCR_LOG_FORMAT: "json" }, true)).toBe("json");
    expect(resolveLogFormat(undefined, { CCR_LOG_FORMAT: "PRETTY" }, false)).toBe("pretty");
    expect(resolveLogFormat(undefined, { CCR_LOG_FORMAT: "xml" }, false)).toBe("json");
    expect(resolveLogFormat("pretty", { CCR_LOG_FORMAT: "json" }, false)).toBe("pretty");
  });
});

describe("createPrettyLine", () => {
  it("turns a pino JSON line into one readable line with the level, message and fields", () => {
    const pretty = createPrettyLine({ colorize: false });
    const line = pretty(
      `${JSON.stringify({ level: 40, time: Date.UTC(2026, 0, 1), pid: 42, requestId: "req_1", msg: "tier cooling" })}\n`,
    );
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: tier cooling \{"requestId":"req_1"\}\n$/);
    expect(line).not.toContain("42");
  });
});

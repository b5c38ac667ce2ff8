import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error.js";
import { formatIssue } from "./config-issue.js";

describe("ConfigError", () => {
  const error = new ConfigError({
    kind: "invalid",
    path: "/c.json",
    issues: [
      { path: "Router.default", message: "is required" },
      {
        path: "PORT",
        message: "must be a port",
        expected: "1-65535",
        received: '"x"',
        suggestion: "try 3456",
      },
    ],
  });

  it("lists every issue in its message", () => {
    expect(error.message).toBe(
      'Invalid config /c.json (2 problems):\n  - Router.default: is required\n  - PORT: must be a port (expected 1-65535; found "x"); try 3456',
    );
    expect(error.name).toBe("ConfigError");
    expect(error.warnings).toEqual([]);
  });

  it("is recognized across package copies by its marker, not by instanceof", () => {
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(ConfigError.isInstance(new Error("x"))).toBe(false);
    expect(ConfigError.isInstance(null)).toBe(false);
    const fromAnotherCopy = Object.assign(new Error("x"), { [Symbol.for("ccr.config.error")]: true });
    expect(ConfigError.isInstance(fromAnotherCopy)).toBe(true);
  });

  it("formats a file-level issue without a path", () => {
    expect(formatIssue({ path: "", message: "line 1, column 2: expected comma" })).toBe(
      "line 1, column 2: expected comma",
    );
  });
});

import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { buildClaudeCodeRequest } from "../../__fixtures__/build-claude-code-request.js";
import { decodeAnthropicRequest } from "./decode-anthropic-request.js";

/** A request captured from Claude Code 2.1.332: 75 KB, 12 tools, 10 messages. */
const captured: unknown = JSON.parse(
  readFileSync(new URL("../../__fixtures__/claude-code-request.json", import.meta.url), "utf8"),
);
/** About 80 KB: 25 tools, 18 messages of tool loops with thinking. */
const built: unknown = JSON.parse(JSON.stringify(buildClaudeCodeRequest()));
/** A long session: 200 turns (400 messages of tool calls and results). */
const long: unknown = JSON.parse(JSON.stringify(buildClaudeCodeRequest(200)));
const small: unknown = {
  model: "claude-sonnet-4-5",
  max_tokens: 1024,
  messages: [{ role: "user", content: "Hello" }],
};

describe("decodeAnthropicRequest", () => {
  bench("small request", () => {
    decodeAnthropicRequest(small);
  });
  bench("captured Claude Code 2.1.332 request (75 KB)", () => {
    decodeAnthropicRequest(captured);
  });
  bench("built Claude Code request (80 KB)", () => {
    decodeAnthropicRequest(built);
  });
  bench("long session (400 messages)", () => {
    decodeAnthropicRequest(long);
  });
});

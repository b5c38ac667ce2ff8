import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Behaviour,
  type FakeOpenAI,
  openaiText,
  openaiTextStream,
  openaiToolCall,
  openaiToolCallStream,
  type RecordedRequest,
  type RunningProxy,
  rateLimited,
  repoRoot,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cascadeConfig } from "./support.js";

// The real client: Claude Code's own binary runs one prompt through the proxy while tier 0 is
// rate-limited and tier 1, an OpenAI-compatible fake, asks for a Write tool call and then answers with
// a final text. The binary is not a workspace dependency (384 MB for this one test):
// scripts/install-claude-code.sh puts the pinned version in .cache/claude-code/, and scripts/test-all.sh
// runs it and sets CCR_CLAUDE_BIN, which makes this test required rather than skippable.

const claudeBin =
  process.env.CCR_CLAUDE_BIN || join(repoRoot(), ".cache", "claude-code", "node_modules", ".bin", "claude");
const probe = existsSync(claudeBin)
  ? spawnSync(claudeBin, ["--version"], { encoding: "utf8", timeout: 30_000 })
  : undefined;
const claudeRuns = probe?.status === 0;
const required = Boolean(process.env.CCR_CLAUDE_BIN);
if (!claudeRuns && !required) {
  console.warn(
    `skipping the Claude Code end-to-end test: ${claudeBin} ${probe ? `cannot run (${probe.error?.message ?? probe.stderr})` : "is not installed"}; install it with \`bash scripts/install-claude-code.sh\` or set CCR_CLAUDE_BIN`,
  );
}

const FINAL_TEXT = "I wrote greeting.txt for you.";
const FILE_CONTENT = "hello from the fake provider via ccr\n";

interface OpenAIRequestBody {
  stream?: boolean;
  tools?: { function: { name: string } }[];
  messages: { role: string; content: unknown }[];
}

/**
 * Answers like a model would: the main agent request (it offers the Write tool) gets a Write call,
 * then, once the tool result comes back, the final text. Anything else Claude Code sends (titles,
 * summaries, quota checks) gets a short text.
 */
function providerScript(cwd: string) {
  return (request: RecordedRequest): Behaviour => {
    const body = request.body as OpenAIRequestBody;
    const stream = body.stream === true;
    const offersWrite = body.tools?.some((tool) => tool.function.name === "Write") ?? false;
    const hasToolResult = body.messages.some((message) => message.role === "tool");
    if (offersWrite && hasToolResult) return stream ? openaiTextStream([FINAL_TEXT]) : openaiText(FINAL_TEXT);
    if (offersWrite) {
      const call = {
        id: "call_write_1",
        name: "Write",
        arguments: { file_path: join(cwd, "greeting.txt"), content: FILE_CONTENT },
      };
      return stream ? openaiToolCallStream(call) : openaiToolCall(call);
    }
    return stream ? openaiTextStream(["ok"]) : openaiText("ok");
  };
}

describe.skipIf(!claudeRuns && !required)("Claude Code through the proxy", () => {
  let proxy: RunningProxy;
  let limited: FakeOpenAI;
  let provider: FakeOpenAI;
  const cwd = mkdtempSync(join(tmpdir(), "ccr-claude-cwd-"));
  const home = mkdtempSync(join(tmpdir(), "ccr-claude-home-"));

  beforeAll(async () => {
    limited = await startFakeOpenAI(() => rateLimited(60));
    provider = await startFakeOpenAI(providerScript(cwd));
    proxy = await startProxy({ config: cascadeConfig({ a: limited, b: provider }, { max_retries: 0 }) });
  });

  afterAll(async () => {
    await proxy?.stop();
    await limited?.close();
    await provider?.close();
  });

  it("writes the file with a tool call and returns the final text, while tier 0 is rate-limited", async () => {
    expect(
      probe?.status,
      `${claudeBin} (CCR_CLAUDE_BIN) cannot run: ${probe?.error?.message ?? probe?.stderr ?? "not found"}`,
    ).toBe(0);
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        claudeBin,
        ["-p", "Write a greeting file", "--output-format", "json", "--allowedTools", "Write"],
        {
          cwd,
          timeout: 90_000,
          env: {
            PATH: process.env.PATH,
            HOME: home,
            ANTHROPIC_BASE_URL: proxy.url,
            ANTHROPIC_API_KEY: "anything",
            DISABLE_AUTOUPDATER: "1",
            DISABLE_TELEMETRY: "1",
          },
        },
        (error, out, err) =>
          error
            ? reject(Object.assign(error, { stdout: out, stderr: err }))
            : resolve({ stdout: out, stderr: err }),
      );
    });
    const result = JSON.parse(stdout) as { result: string; is_error: boolean };
    expect(result.is_error, stderr).toBe(false);
    expect(result.result).toBe(FINAL_TEXT);
    expect(readFileSync(join(cwd, "greeting.txt"), "utf8")).toBe(FILE_CONTENT);
    expect(limited.requests.length).toBeGreaterThanOrEqual(1);
    expect(provider.requests.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

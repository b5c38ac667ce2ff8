import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  anthropicText,
  anthropicToolUse,
  type Behaviour,
  type FakeAnthropic,
  type FakeOpenAI,
  openaiText,
  openaiTextStream,
  openaiToolCall,
  openaiToolCallStream,
  type RecordedRequest,
  type RunningProxy,
  rateLimited,
  repoRoot,
  startFakeAnthropic,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cascadeConfig } from "./support.js";

// The real client: Codex CLI's own binary runs one prompt
// through the proxy's Responses API while tier 0 is rate-limited and tier 1, a fake, first asks for Codex's
// shell tool (`exec_command`, `cat marker.txt`) and then, seeing the command's output, answers with a final
// text. Codex must have run the command and printed the text.

//
// scripts/install-codex.sh puts the pinned version in .cache/codex/, and scripts/test-all.sh runs it and sets
// CCR_CODEX_BIN, which makes this test required rather than skippable.
const codexBin =
  process.env.CCR_CODEX_BIN || join(repoRoot(), ".cache", "codex", "node_modules", ".bin", "codex");
const required = Boolean(process.env.CCR_CODEX_BIN);
const probe = existsSync(codexBin)
  ? spawnSync(codexBin, ["--version"], { encoding: "utf8", timeout: 30_000 })
  : undefined;
const codexRuns = required || probe?.status === 0;
if (!codexRuns) {
  console.warn(
    `skipping the Codex CLI end-to-end test: ${codexBin} ${probe ? `cannot run (${probe.error?.message ?? probe.stderr})` : "is not installed"}; install it with \`bash scripts/install-codex.sh\` or set CCR_CODEX_BIN`,
  );
}

const MARKER = "marker-7f3a91 from the test folder";
const FINAL_TEXT = "The marker file says what the test wrote.";
const CALL = { id: "call_shell_1", name: "exec_command", input: { cmd: "cat marker.txt" } };

interface Kind {
  readonly name: string;
  start(script: (request: RecordedRequest) => Behaviour): Promise<FakeOpenAI | FakeAnthropic>;
  /** Whether the upstream request offers the shell tool, and what its tool results say. */
  read(body: unknown): { offersShell: boolean; results: string };
  answer(stream: boolean, kind: "call" | "final" | "other"): Behaviour;
}

const openAICompatible: Kind = {
  name: "an OpenAI-compatible tier",
  start: (script) => startFakeOpenAI(script),
  read(body) {
    const request = body as {
      tools?: { function: { name: string } }[];
      messages: { role: string; content: unknown }[];
    };
    return {
      offersShell: request.tools?.some((tool) => tool.function.name === "exec_command") ?? false,
      results: JSON.stringify(request.messages.filter((message) => message.role === "tool")),
    };
  },
  answer(stream, kind) {
    if (kind === "call") {
      const call = { id: CALL.id, name: CALL.name, arguments: CALL.input };
      return stream ? openaiToolCallStream(call) : openaiToolCall(call);
    }
    const text = kind === "final" ? FINAL_TEXT : "ok";
    return stream ? openaiTextStream([text.slice(0, 10), text.slice(10)]) : openaiText(text);
  },
};

const anthropicNative: Kind = {
  name: "an Anthropic-native tier",
  start: (script) => startFakeAnthropic(script),
  read(body) {
    const request = body as { tools?: { name: string }[]; messages: { content: unknown }[] };
    const blocks = request.messages.flatMap((message) =>
      Array.isArray(message.content) ? message.content : [],
    );
    return {
      offersShell: request.tools?.some((tool) => tool.name === "exec_command") ?? false,
      results: JSON.stringify(blocks.filter((block: { type?: string }) => block.type === "tool_result")),
    };
  },
  // Whole answers even for streamed requests: the proxy streams them on as the client asked.
  answer(_stream, kind) {
    if (kind === "call") return anthropicToolUse(CALL);
    return anthropicText(kind === "final" ? FINAL_TEXT : "ok");
  },
};

/** Answers like a model would: the shell call first, the final text once the command's output came back. */
function providerScript(kind: Kind) {
  return (request: RecordedRequest): Behaviour => {
    const stream = (request.body as { stream?: boolean }).stream === true;
    const { offersShell, results } = kind.read(request.body);
    if (!offersShell) return kind.answer(stream, "other");
    return kind.answer(stream, results.includes(MARKER) ? "final" : "call");
  };
}

function runCodex(
  proxyUrl: string,
  cwd: string,
  home: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const provider = `model_providers.ccr={name="ccr",base_url="${proxyUrl}/v1",wire_api="responses",env_key="CCR_KEY"}`;
  const args = [
    "exec",
    "--skip-git-repo-check",
    "--dangerously-bypass-approvals-and-sandbox",
    "-c",
    "model_provider=ccr",
    "-c",
    provider,
    "-m",
    "a,a-model",
    "Show me what marker.txt says",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(codexBin, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, CCR_KEY: "anything", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(!codexRuns).each([openAICompatible, anthropicNative])(
  "Codex CLI through the proxy to $name",
  (kind) => {
    let proxy: RunningProxy;
    let limited: FakeOpenAI;
    let provider: FakeOpenAI | FakeAnthropic;

    beforeAll(async () => {
      limited = await startFakeOpenAI(() => rateLimited(60));
      provider = await kind.start(providerScript(kind));
      proxy = await startProxy({ config: cascadeConfig({ a: limited, b: provider }, { max_retries: 0 }) });
    });

    afterAll(async () => {
      await proxy?.stop();
      await limited?.close();
      await provider?.close();
    });

    it("runs the shell command the model asked for and prints the final text, while tier 0 is rate-limited", async () => {
      const cwd = mkdtempSync(join(tmpdir(), "ccr-codex-cwd-"));
      const home = mkdtempSync(join(tmpdir(), "ccr-codex-home-"));
      writeFileSync(join(cwd, "marker.txt"), `${MARKER}\n`);
      const { code, stdout, stderr } = await runCodex(proxy.url, cwd, home);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain(FINAL_TEXT);
      // Codex ran `cat marker.txt` itself: the file's content reached the upstream as the tool's result.
      const results = provider.requests.map((request) => kind.read(request.body).results);
      expect(results.some((result) => result.includes(MARKER))).toBe(true);
      expect(limited.requests.length).toBeGreaterThanOrEqual(1);
    }, 120_000);
  },
);

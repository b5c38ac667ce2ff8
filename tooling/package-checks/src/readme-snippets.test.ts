import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  anthropicText,
  anthropicTextStream,
  type FakeAnthropic,
  type FakeOpenAI,
  openaiText,
  openaiTextStream,
  repoRoot,
  startFakeAnthropic,
  startFakeOpenAI,
} from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readmeSnippets, snippetFile } from "./readme-snippets.js";
import { runSnippet } from "./run-snippet.js";
import { publishablePackages } from "./workspace-packages.js";

// Every TypeScript / JavaScript block of a published README runs as written, against the built packages
// (the folder's node_modules/@ccr is this package's, whose workspace links resolve to dist/ under
// Node's default conditions). A README's snippets share one folder, so one may import another by the
// file name it gives itself. What a snippet reaches over the network is a fake on loopback: the default
// config in HOME routes to a fake OpenAI-compatible provider, and the base URL variables snippets read
// (DEEPSEEK_BASE_URL, ANTHROPIC_BASE_URL) point at fakes.

/** Files a README's snippets expect beside them, as in the package their example comes from. */
const SNIPPET_FIXTURES: Record<string, { from: string; to: string }[]> = {
  // The conformance example is DeepSeek's own test file, which reads DeepSeek's recorded fixtures.
  "@ccr/provider": [{ from: "packages/providers/deepseek/src/__fixtures__", to: "src/__fixtures__" }],
};

const root = repoRoot();
const ownModules = fileURLToPath(new URL("../node_modules/@ccr", import.meta.url));
const readmes = publishablePackages()
  .filter((pkg) => existsSync(join(pkg.dir, "README.md")))
  .map((pkg) => {
    const snippets = readmeSnippets(readFileSync(join(pkg.dir, "README.md"), "utf8"));
    return {
      name: pkg.name,
      path: pkg.path,
      snippets: snippets.map((snippet, i) => ({ ...snippet, file: snippetFile(snippet, i) })),
    };
  })
  .filter((readme) => readme.snippets.length > 0);

const work = mkdtempSync(join(tmpdir(), "ccr-readme-snippets-"));
let openai: FakeOpenAI;
let anthropic: FakeAnthropic;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  openai = await startFakeOpenAI((request) =>
    (request.body as { stream?: boolean }).stream
      ? openaiTextStream(["Hello", " there"])
      : openaiText("Hello there"),
  );
  anthropic = await startFakeAnthropic((request) =>
    (request.body as { stream?: boolean }).stream
      ? anthropicTextStream(["Hello", " there"])
      : anthropicText("Hello there"),
  );
  const home = join(work, "home");
  mkdirSync(join(home, ".claude-code-router"), { recursive: true });
  writeFileSync(
    join(home, ".claude-code-router", "config.json"),
    JSON.stringify({
      Providers: [
        { name: "fake", api_base_url: openai.chatCompletionsUrl, api_key: "sk-fake", models: ["fake-model"] },
      ],
      Router: { default: "fake,fake-model" },
    }),
  );
  env = {
    PATH: process.env.PATH,
    HOME: home,
    DEEPSEEK_BASE_URL: openai.url,
    DEEPSEEK_API_KEY: "sk-fake",
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: "sk-ant-fake",
  };
  for (const readme of readmes) {
    const folder = join(work, readme.name.replace("/", "__"));
    mkdirSync(join(folder, "node_modules"), { recursive: true });
    symlinkSync(ownModules, join(folder, "node_modules", "@ccr"), "dir");
    for (const snippet of readme.snippets) {
      mkdirSync(dirname(join(folder, snippet.file)), { recursive: true });
      writeFileSync(join(folder, snippet.file), snippet.code);
    }
    for (const { from, to } of SNIPPET_FIXTURES[readme.name] ?? []) {
      cpSync(join(root, from), join(folder, to), { recursive: true });
    }
  }
});

afterAll(async () => {
  await openai?.close();
  await anthropic?.close();
  rmSync(work, { recursive: true, force: true });
});

it("finds the snippets of the package READMEs", () => {
  expect(readmes.map((readme) => readme.name)).toEqual(
    expect.arrayContaining(["@ccr/transform", "@ccr/router", "@ccr/proxy"]),
  );
});

describe.each(readmes.map((readme) => [readme.path, readme] as const))("%s/README.md", (_, readme) => {
  it.each(readme.snippets.map((snippet) => [snippet.line, snippet.file, snippet] as const))(
    "the snippet at line %i (%s) runs",
    async (_line, _file, snippet) => {
      const folder = join(work, readme.name.replace("/", "__"));
      const before = openai.requests.length + anthropic.requests.length;
      const run = await runSnippet(folder, snippet.file, env, 90_000);
      expect(run.exitCode, run.output).toBe(0);
      // A snippet that talks to a provider must have reached the fakes, not the network.
      if (/process\.env\.\w+_BASE_URL|\.handle\(/.test(snippet.code)) {
        expect(openai.requests.length + anthropic.requests.length, run.output).toBeGreaterThan(before);
      }
    },
    120_000,
  );
});

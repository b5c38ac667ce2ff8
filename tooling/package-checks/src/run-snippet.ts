import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

const vitestCli = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

export interface SnippetRun {
  exitCode: number | null;
  /** stdout and stderr, interleaved as written. */
  output: string;
}

/** The Node arguments that run `file`; TypeScript that is not a test is compiled beside it (types stripped). */
function commandFor(folder: string, file: string): string[] {
  if (/\.test\.[cm]?[jt]s$/.test(file))
    return [vitestCli, "run", file, "--root", folder, "--reporter", "dot"];
  if (!file.endsWith(".ts")) return [file];
  const { outputText } = ts.transpileModule(readFileSync(join(folder, file), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const compiled = file.replace(/\.ts$/, ".mjs");
  writeFileSync(join(folder, compiled), outputText);
  return [compiled];
}

/**
 * Runs one snippet file of `folder` in a child process: a test file (`*.test.ts`) with vitest, other
 * TypeScript with Node once compiled, JavaScript with Node. Killed after `timeoutMs`.
 */
export function runSnippet(
  folder: string,
  file: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<SnippetRun> {
  const child = spawn(process.execPath, commandFor(folder, file), { cwd: folder, env, timeout: timeoutMs });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({ exitCode: code, output: signal ? `${output}\n(stopped by ${signal})` : output });
    });
  });
}

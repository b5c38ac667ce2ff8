import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The fixture files every provider package records, by scenario. */
export function fixtureFileNames(providerId: string) {
  return {
    text: `${providerId}-text.json`,
    textStream: `${providerId}-text.chunks.txt`,
    toolCallStream: `${providerId}-tool-call.chunks.txt`,
    error: `${providerId}-error.json`,
  } as const;
}

export function fixturesPath(fixturesDir: string | URL): string {
  return typeof fixturesDir === "string" ? fixturesDir : fileURLToPath(fixturesDir);
}

export async function readFixture(fixturesDir: string | URL, name: string): Promise<string> {
  const path = join(fixturesPath(fixturesDir), name);
  try {
    return await readFile(path, "utf8");
  } catch {
    throw new Error(
      `missing fixture ${path}: record it from the provider (see docs/adding-a-provider.md, "Record fixtures")`,
    );
  }
}

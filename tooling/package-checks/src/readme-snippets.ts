/** A TypeScript or JavaScript code block of a README. */
export interface Snippet {
  /** Line of the opening fence, 1-based. */
  line: number;
  language: "ts" | "js";
  code: string;
  /** The file the snippet says it is, from a first line such as `// src/deepseek-provider.ts`. */
  file?: string;
}

const LANGUAGES: Record<string, Snippet["language"]> = {
  ts: "ts",
  typescript: "ts",
  js: "js",
  javascript: "js",
  mjs: "js",
  cjs: "js",
};

/** The ```ts / ```js (and longer spellings) blocks of `markdown`, in order. */
export function readmeSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const language = LANGUAGES[/^```(\w+)\s*$/.exec(lines[index]!)?.[1] ?? ""];
    if (!language) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && !/^```\s*$/.test(lines[index]!)) body.push(lines[index]!);
    const file = /^\/\/ ([\w./-]+\.(?:[cm]?[jt]s))\s*$/.exec(body[0] ?? "")?.[1];
    snippets.push({ line: start + 1, language, code: `${body.join("\n")}\n`, file });
  }
  return snippets;
}

/** The file a snippet is written to: the name it gives itself, else `snippet-<n>` (`.cjs` when it uses require). */
export function snippetFile(snippet: Snippet, index: number): string {
  if (snippet.file) return snippet.file;
  if (snippet.language === "ts") return `snippet-${index + 1}.ts`;
  return `snippet-${index + 1}.${/\brequire\(/.test(snippet.code) ? "cjs" : "mjs"}`;
}

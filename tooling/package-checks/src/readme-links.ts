import { existsSync } from "node:fs";
import { join } from "node:path";

/** The target of every inline Markdown link and image in `markdown`, outside code blocks and code spans. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/**
 * What is wrong with the links of a README published on npm, where relative links break: each must be
 * absolute (https) or an anchor of the page; a link into this repository (`<repositoryUrl>/blob/main/...`
 * or `/tree/main/...`) must name a file or folder that exists in `root`.
 */
export function linkProblems(links: readonly string[], repositoryUrl: string, root: string): string[] {
  const problems: string[] = [];
  const inRepository = new RegExp(
    `^${repositoryUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?:blob|tree)/main/([^#?]+)`,
  );
  for (const link of links) {
    if (link.startsWith("#")) continue;
    if (!link.startsWith("https://")) {
      problems.push(`${link}: not absolute (it would break on npm); link ${repositoryUrl}/blob/main/<path>`);
      continue;
    }
    const path = inRepository.exec(link)?.[1];
    if (path !== undefined && !existsSync(join(root, decodeURIComponent(path)))) {
      problems.push(`${link}: ${path} does not exist in the repository`);
    }
  }
  return problems;
}

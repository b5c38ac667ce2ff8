import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@ccr/testkit";
import { describe, expect, it } from "vitest";
import { linkProblems, markdownLinks } from "./readme-links.js";
import { repositoryUrl } from "./repository-url.js";
import { publishablePackages } from "./workspace-packages.js";

const root = repoRoot();
const base = repositoryUrl(root);

describe.each(publishablePackages().map((pkg) => [pkg.path, pkg] as const))("%s", (path, pkg) => {
  it("has a README whose links work on npm", () => {
    const readme = join(pkg.dir, "README.md");
    expect(existsSync(readme), `${path}/README.md is missing`).toBe(true);
    expect(linkProblems(markdownLinks(readFileSync(readme, "utf8")), base, root)).toEqual([]);
  });

  it("names the repository and its folder in package.json", () => {
    expect(pkg.manifest.repository).toEqual({ type: "git", url: `git+${base}.git`, directory: path });
  });
});

describe("linkProblems", () => {
  const check = (link: string) => linkProblems([link], "https://github.com/o/r", root);

  it("accepts anchors, other sites and existing repository files", () => {
    expect(check("#api")).toEqual([]);
    expect(check("https://www.npmjs.com/package/@ccr/router")).toEqual([]);
    expect(check("https://github.com/o/r/blob/main/docs/cli.md#exit-codes")).toEqual([]);
    expect(check("https://github.com/o/r/tree/main/examples")).toEqual([]);
    expect(check("https://github.com/o/r/issues")).toEqual([]);
  });

  it("rejects relative links and links to files the repository does not have", () => {
    expect(check("../../docs/cli.md")).toEqual([
      "../../docs/cli.md: not absolute (it would break on npm); link https://github.com/o/r/blob/main/<path>",
    ]);
    expect(check("https://github.com/o/r/blob/main/docs/nope.md")).toEqual([
      "https://github.com/o/r/blob/main/docs/nope.md: docs/nope.md does not exist in the repository",
    ]);
  });

  it("ignores links inside code", () => {
    expect(markdownLinks("see [a](https://x.dev)\n```md\n[b](../b.md)\n```\n`[c](c.md)`")).toEqual([
      "https://x.dev",
    ]);
  });
});

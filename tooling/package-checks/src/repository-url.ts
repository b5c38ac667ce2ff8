import { join } from "node:path";
import { repoRoot } from "@ccr/testkit";
import { type PackageJson, readJson } from "./workspace-packages.js";

/**
 * The repository's web address, owned by the root package.json's `repository.url`: package READMEs link
 * to files under `<url>/blob/main/`, and each package's `repository` points there too.
 */
export function repositoryUrl(root: string = repoRoot()): string {
  const { repository } = readJson<PackageJson>(join(root, "package.json"));
  const url = typeof repository === "string" ? repository : repository?.url;
  if (!url) throw new Error("the root package.json has no repository.url");
  return url.replace(/^git\+/, "").replace(/\.git$/, "");
}

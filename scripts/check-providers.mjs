#!/usr/bin/env node
// `pnpm check:providers [--root DIR]`: every provider package follows the pattern the generator
// sets up (README, recorded fixtures, the conformance test, a test beside each transformer it owns, the
// standard exports, a changeset before its first release, a section in docs/providers.md). Prints every problem and exits 1
// when there is any.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { root: { type: "string" } } });
const root = resolve(values.root ?? fileURLToPath(new URL("..", import.meta.url)));
const providersDir = join(root, "packages", "providers");

const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const read = (path) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** Package names the pending changesets mention in their frontmatter. */
function changesetPackages() {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return new Set();
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
    for (const match of front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)) names.add(match[1]);
  }
  return names;
}

function checkPackage(id, pending, providersDoc) {
  const dir = join(providersDir, id);
  const problems = [];
  const pkgText = read(join(dir, "package.json"));
  const pkg = pkgText ? JSON.parse(pkgText) : undefined;
  const name = `@ccr/provider-${id}`;
  if (!pkg) return ["package.json is missing"];
  if (pkg.name !== name) problems.push(`package.json name is "${pkg.name}", expected "${name}"`);
  if (pkg.exports?.["."]?.["@ccr/source"] !== "./src/index.ts") {
    problems.push('package.json exports["."] must have "@ccr/source": "./src/index.ts"');
  }
  for (const script of ["build", "typecheck", "test"]) {
    if (!pkg.scripts?.[script]) problems.push(`package.json has no "${script}" script`);
  }
  if (!existsSync(join(dir, "vitest.config.ts")))
    problems.push("vitest.config.ts is missing (CI would not run its tests)");

  const readme = read(join(dir, "README.md"));
  if (!readme || readme.trim().length < 100) problems.push("README.md is missing or empty");

  for (const fixture of [
    `${id}-text.json`,
    `${id}-text.chunks.txt`,
    `${id}-tool-call.chunks.txt`,
    `${id}-error.json`,
  ]) {
    if (!existsSync(join(dir, "src", "__fixtures__", fixture)))
      problems.push(`fixture src/__fixtures__/${fixture} is missing`);
  }

  const test = read(join(dir, "src", `${id}-provider.test.ts`));
  if (!test) problems.push(`src/${id}-provider.test.ts (the conformance test) is missing`);
  else if (!test.includes("runProviderConformance(")) {
    problems.push(`src/${id}-provider.test.ts does not run runProviderConformance`);
  }

  const sources = existsSync(join(dir, "src")) ? readdirSync(join(dir, "src")) : [];
  for (const file of sources.filter((f) => f.endsWith("-transformer.ts"))) {
    const test = file.replace(/\.ts$/, ".test.ts");
    if (!sources.includes(test)) problems.push(`src/${file} has no test beside it (src/${test})`);
  }

  const index = read(join(dir, "src", "index.ts")) ?? "";
  const exported = new Set(
    [...index.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
      m[1].split(",").map((s) =>
        s
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      ),
    ),
  );
  for (const symbol of [`${camel(id)}Provider`, "VERSION"]) {
    if (!exported.has(symbol)) problems.push(`src/index.ts does not export ${symbol}`);
  }

  if (!providersDoc.split("\n").includes(`## ${id}`)) {
    problems.push(`docs/providers.md has no "## ${id}" section with its copy-paste config`);
  }

  if (!existsSync(join(dir, "CHANGELOG.md")) && !pending.has(name)) {
    problems.push(`first release needs a changeset: add .changeset/provider-${id}.md naming "${name}"`);
  }
  return problems;
}

const ids = existsSync(providersDir)
  ? readdirSync(providersDir).filter((entry) => statSync(join(providersDir, entry)).isDirectory())
  : [];
const pending = changesetPackages();
const providersDoc = read(join(root, "docs", "providers.md")) ?? "";
let failed = 0;
for (const id of ids.sort()) {
  const problems = checkPackage(id, pending, providersDoc);
  if (problems.length === 0) continue;
  failed += 1;
  console.error(`${relative(root, join(providersDir, id))}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}
if (failed > 0) {
  console.error(
    `\n${failed} of ${ids.length} provider packages break the pattern (see docs/adding-a-provider.md).`,
  );
  process.exit(1);
}
console.log(`${ids.length} provider packages follow the pattern.`);

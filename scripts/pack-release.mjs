#!/usr/bin/env node
// Packs @ccr/proxy and the workspace packages it needs at run time into tarballs, as `pnpm publish` would
// (pnpm rewrites `workspace:` ranges to versions), and writes beside them a package.json whose dependencies
// are those tarballs. `npm install --omit=dev` in that folder then installs CCR the way a user of the
// published packages gets it, with `node_modules/.bin/ccr`. The Dockerfile installs the image this way, and
// tooling/deploy-check tests the same install, so the image's install step is exercised without Docker.
//
// Usage: node scripts/pack-release.mjs <out-dir>     (after `pnpm install && pnpm build`)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Production dependencies only: the proxy's devDependencies (the private @ccr/testkit) are not shipped.
const SELECTOR = ["--filter-prod", "@ccr/proxy..."];

function fail(message) {
  process.stderr.write(`pack-release: ${message}\n`);
  process.exit(1);
}

const pnpm = (args) => execFileSync("pnpm", args, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });

const outArg = process.argv[2];
if (!outArg || outArg.startsWith("-")) fail("usage: node scripts/pack-release.mjs <out-dir>");
const out = resolve(outArg);

const packages = JSON.parse(pnpm(["ls", "--recursive", ...SELECTOR, "--depth", "-1", "--json"]));
const shipped = packages.filter((pkg) => !pkg.private);
const proxy = shipped.find((pkg) => pkg.name === "@ccr/proxy");
if (!proxy) fail("@ccr/proxy is not in the workspace");
const unbuilt = shipped.filter((pkg) => !existsSync(join(pkg.path, "dist")));
if (unbuilt.length > 0) {
  fail(`not built: ${unbuilt.map((pkg) => pkg.name).join(", ")}; run pnpm build first`);
}

mkdirSync(out, { recursive: true });
// Tarballs of an earlier run (another version) must not end up in the new manifest's folder.
for (const file of readdirSync(out)) if (file.endsWith(".tgz")) rmSync(join(out, file));

const packed = JSON.parse(pnpm(["--recursive", ...SELECTOR, "pack", "--pack-destination", out, "--json"]));
const tarballs = (Array.isArray(packed) ? packed : [packed]).filter((entry) =>
  shipped.some((pkg) => pkg.name === entry.name),
);
if (tarballs.length !== shipped.length) {
  fail(`packed ${tarballs.length} of ${shipped.length} packages: ${tarballs.map((t) => t.name).join(", ")}`);
}

// Every tarball is a direct dependency, so npm places each package once at the top of node_modules and the
// packages' own `@ccr/*` ranges resolve to these tarballs, never to the registry.
const dependencies = Object.fromEntries(
  tarballs
    .map((entry) => [entry.name, `file:./${basename(entry.filename)}`])
    .sort(([a], [b]) => a.localeCompare(b)),
);
const manifest = {
  name: "ccr-release",
  version: proxy.version,
  private: true,
  description: "CCR installed from its packed packages: npm install --omit=dev, then node_modules/.bin/ccr",
  dependencies,
};
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(
  `packed ${tarballs.length} packages into ${out}; install them with: npm install --omit=dev --prefix ${out}\n`,
);

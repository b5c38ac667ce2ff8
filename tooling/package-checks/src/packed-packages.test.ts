import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@ccr/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AttwResult, attwCheck, attwProfileFor } from "./attw-check.js";
import { manifestProblems } from "./manifest-problems.js";
import { type PackedPackage, packPackages } from "./pack-packages.js";
import { publintMessages } from "./run-publint.js";
import { publishablePackages, workspacePackages } from "./workspace-packages.js";

// Every publishable package as the registry would get it: packed by pnpm (which applies publishConfig),
// then checked for what a consumer installs. Needs the packages built (`pnpm build`).

const root = repoRoot();
const publishable = publishablePackages();
const privateNames = new Set(
  workspacePackages()
    .filter((pkg) => pkg.manifest.private === true)
    .map((pkg) => pkg.name),
);
const license = readFileSync(join(root, "LICENSE"), "utf8");
const destination = mkdtempSync(join(tmpdir(), "ccr-packed-"));
const packed = new Map<string, PackedPackage>();
const types = new Map<string, AttwResult>();

beforeAll(() => {
  for (const result of packPackages(publishable, destination)) packed.set(result.name, result);
  const checks = publishable.map((pkg) => ({
    name: pkg.name,
    tarball: packed.get(pkg.name)!.tarball,
    profile: attwProfileFor(pkg.manifest),
  }));
  for (const [index, result] of attwCheck(checks).entries()) types.set(checks[index]!.name, result);
});

afterAll(() => rmSync(destination, { recursive: true, force: true }));

it("packs every publishable package", () => {
  expect([...packed.keys()].sort()).toEqual(publishable.map((pkg) => pkg.name).sort());
  expect(publishable.length).toBeGreaterThanOrEqual(17);
});

describe.each(publishable.map((pkg) => [pkg.name, pkg] as const))("%s, packed", (name, source) => {
  const tarball = () => packed.get(name)!;

  it("ships its README and the repository's MIT LICENSE", () => {
    expect(tarball().files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
    expect(readFileSync(join(tarball().dir, "LICENSE"), "utf8")).toBe(license);
  });

  it("has no development export condition, workspace range or private dependency", () => {
    expect(manifestProblems(source.manifest, tarball().manifest, privateNames)).toEqual([]);
  });

  it("passes publint (suggestions included)", async () => {
    expect(await publintMessages(tarball().bytes)).toEqual([]);
  });

  const profile = attwProfileFor(source.manifest);
  it(`passes arethetypeswrong (profile ${profile})`, () => {
    const { ok, report } = types.get(name)!;
    expect(ok, report).toBe(true);
  });
});

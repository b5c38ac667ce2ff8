import {
  type Copy,
  DockerfileParser,
  type From,
  type Healthcheck,
  type Instruction,
  type JSONInstruction,
} from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { readRepoFile } from "./repo-files.js";

// No Docker daemon runs here (nor in CI), so the image is not built: the Dockerfile is linted, and its
// install step is the packed-tarball install that packed-install.test.ts runs for real.

const text = readRepoFile("Dockerfile");
const dockerfile = DockerfileParser.parse(text);

interface Stage {
  from: From;
  instructions: Instruction[];
}
const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  if (instruction.getKeyword() === "FROM") stages.push({ from: instruction as From, instructions: [] });
  else stages.at(-1)?.instructions.push(instruction);
}
const final = stages.at(-1)!;
const build = stages[0]!;
const instructions = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
const last = (stage: Stage, keyword: string) => instructions(stage, keyword).at(-1);
const jsonArgs = (instruction: Instruction | undefined) =>
  (instruction as JSONInstruction | undefined)?.getJSONStrings().map((arg) => arg.getJSONValue()) ?? [];
const runs = (stage: Stage) => instructions(stage, "RUN").map((run) => run.getArgumentsContent() ?? "");
const env = (stage: Stage) =>
  Object.fromEntries(
    instructions(stage, "ENV").flatMap((instruction) =>
      (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] })
        .getProperties()
        .map((property) => [property.getName(), property.getValue()]),
    ),
  );

describe("Dockerfile", () => {
  it("lints clean (dockerfile-utils)", () => {
    expect(
      validate(text).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`),
    ).toEqual([]);
  });

  it("builds in stages on the official Node 20 image, the final one small (slim)", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const { from } of stages) {
      expect(from.getRegistry()).toBeNull();
      expect(from.getImageName()).toBe("node");
      expect(from.getImageTag()).toMatch(/^20-/);
    }
    expect(final.from.getImageTag()).toMatch(/-slim$/);
    expect(build.from.getBuildStage()).toBe("build");
  });

  it("builds and packs with the same scripts/pack-release.mjs the install test runs, and installs the tarballs", () => {
    const buildRuns = runs(build);
    expect(buildRuns.some((run) => /pnpm install --offline --frozen-lockfile && pnpm build/.test(run))).toBe(
      true,
    );
    const pack = buildRuns.map((run) => /^node scripts\/pack-release\.mjs (\S+)$/.exec(run)).find(Boolean);
    expect(pack, "RUN node scripts/pack-release.mjs <dir>").toBeTruthy();
    const releaseDir = pack![1]!;

    const copy = instructions(final, "COPY").find(
      (instruction) => (instruction as Copy).getFromFlag()?.getValue() === "build",
    );
    expect(copy?.getArgumentsContent()).toBe(`${releaseDir}/ ./`);
    expect(runs(final).some((run) => run.startsWith("npm install --omit=dev"))).toBe(true);
    expect(env(final).PATH).toMatch(/^\/app\/node_modules\/\.bin:/);
    expect(last(final, "WORKDIR")?.getArgumentsContent()).toBe("/app");
  });

  it("installs the pnpm version package.json pins", () => {
    const { packageManager } = JSON.parse(readRepoFile("package.json")) as { packageManager: string };
    const arg = instructions(build, "ARG").find((instruction) =>
      instruction.getArgumentsContent()?.startsWith("PNPM_VERSION="),
    );
    expect(arg?.getArgumentsContent()).toBe(`PNPM_VERSION=${packageManager.split("@")[1]}`);
  });

  it("runs as a non-root user", () => {
    const user = last(final, "USER")?.getArgumentsContent() ?? "root";
    expect(user.split(":")[0]).not.toMatch(/^(root|0)$/);
    // The user comes after the install, so the installed files stay read-only to it.
    const order = final.instructions.map((instruction) => instruction.getKeyword());
    expect(order.lastIndexOf("USER")).toBeGreaterThan(order.lastIndexOf("RUN"));
  });

  it("runs ccr start in the foreground on every interface, on the port it exposes", () => {
    const port = last(final, "EXPOSE")?.getArgumentsContent();
    expect(port).toBe("3456");
    const command = [...jsonArgs(last(final, "ENTRYPOINT")), ...jsonArgs(last(final, "CMD"))];
    expect(command).toEqual(["ccr", "start", "--host", "0.0.0.0", "--port", port]);
    expect(command).not.toContain("--daemon");
  });

  it("reads the config from /config/config.json unless CCR_CONFIG says otherwise", () => {
    expect(env(final).CCR_CONFIG).toBe("/config/config.json");
  });

  it("checks /health with node itself (slim images have no curl)", () => {
    const healthcheck = last(final, "HEALTHCHECK") as Healthcheck | undefined;
    const json = /^CMD (\[.*\])$/.exec(healthcheck?.getArgumentsContent() ?? "")?.[1];
    expect(json, "HEALTHCHECK ... CMD [json]").toBeDefined();
    const [binary, flag, script] = JSON.parse(json!) as string[];
    expect([binary, flag]).toEqual(["node", "-e"]);
    expect(script).toContain(`http://127.0.0.1:${last(final, "EXPOSE")?.getArgumentsContent()}/health`);
    const flags = healthcheck!.getFlags().map((flag) => flag.getName());
    expect(flags).toEqual(expect.arrayContaining(["interval", "timeout", "retries"]));
  });
});

describe(".dockerignore", () => {
  const patterns = readRepoFile(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));

  it("keeps build output, dependencies, git history and secrets out of the context", () => {
    for (const pattern of ["**/node_modules", "**/dist", ".git", "**/.env", "**/config.json"]) {
      expect(patterns).toContain(pattern);
    }
  });

  it("keeps what the build needs", () => {
    const needed = ["apps", "packages", "tooling", "scripts", "pnpm-lock.yaml", "package.json", "turbo.json"];
    for (const pattern of patterns) {
      for (const path of needed) {
        expect(
          pattern === path || pattern === `${path}/` || pattern === "*" || pattern === "**",
          pattern,
        ).toBe(false);
      }
    }
  });
});

import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliInvocation, shellQuote } from "./cli-invocation.js";

function setup() {
  const root = mkdtempSync(join(tmpdir(), "ccr-invocation-"));
  const cli = join(root, "app dir", "cli.js");
  mkdirSync(join(root, "app dir"));
  writeFileSync(cli, "#!/usr/bin/env node\n", { mode: 0o755 });
  const bin = join(root, "bin");
  mkdirSync(bin);
  return { root, cli, bin };
}

describe("cliInvocation", () => {
  it("says node <cli.js> when no ccr is on PATH", () => {
    const { cli, bin } = setup();
    expect(cliInvocation({ PATH: bin }, cli)).toBe(`node ${shellQuote(cli)}`);
    expect(shellQuote(cli)).toMatch(/^'.*app dir.*'$/);
  });

  it("says ccr when the ccr on PATH links to this cli.js (npm i -g, npm link, install-cli.sh)", () => {
    const { cli, bin } = setup();
    symlinkSync(cli, join(bin, "ccr"));
    expect(cliInvocation({ PATH: `/nonexistent:${bin}` }, cli)).toBe("ccr");
  });

  it("says ccr for a wrapper script that runs this cli.js", () => {
    const { cli, bin } = setup();
    writeFileSync(join(bin, "ccr"), `#!/bin/sh\nexec node "${cli}" "$@"\n`);
    chmodSync(join(bin, "ccr"), 0o755);
    expect(cliInvocation({ PATH: bin }, cli)).toBe("ccr");
  });

  it("never takes another ccr on PATH (claude-code-router's) for this one", () => {
    const { cli, bin } = setup();
    writeFileSync(join(bin, "ccr"), "#!/bin/sh\necho claude-code-router\n");
    chmodSync(join(bin, "ccr"), 0o755);
    expect(cliInvocation({ PATH: bin }, cli)).toBe(`node ${shellQuote(cli)}`);
  });
});

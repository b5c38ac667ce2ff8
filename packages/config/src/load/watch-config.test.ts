import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFixture } from "../__fixtures__/test-support.js";
import { type ConfigChange, type ConfigWatcher, watchConfig } from "./watch-config.js";

const valid = readFixture("seed-multi-tier.json");
const withPort = (port: number) => valid.replace('"Providers"', `"PORT": ${port}, "Providers"`);

let dir: string;
let file: string;
let watcher: ConfigWatcher | undefined;
let changes: ConfigChange[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ccr-config-watch-"));
  file = join(dir, "config.json");
  writeFileSync(file, valid);
  changes = [];
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = () => {
  watcher = watchConfig(file, (change) => changes.push(change), { env: {}, debounceMs: 20 });
};
const until = async (count: number) => {
  await expect.poll(() => changes.length, { timeout: 3000, interval: 10 }).toBeGreaterThanOrEqual(count);
};

describe("watchConfig", () => {
  it("reports a new valid config after an in-place write", async () => {
    start();
    writeFileSync(file, withPort(4001));
    await until(1);
    const change = changes[0];
    expect(change?.ok && change.result.config.port).toBe(4001);
  });

  it("reports the errors of an invalid file, then the config once it is fixed", async () => {
    start();
    writeFileSync(file, valid.replace('"default": "zai,glm-4.7"', '"default": "zai,glm-5"'));
    await until(1);
    expect(changes[0]?.ok).toBe(false);
    if (changes[0]?.ok === false) expect(changes[0].error.issues[0]?.path).toBe("Router.default");
    writeFileSync(file, withPort(4002));
    await until(2);
    expect(changes[1]?.ok && changes[1].result.config.port).toBe(4002);
  });

  it("follows editors that save by renaming a new file over the old one, again and again", async () => {
    start();
    for (const port of [4003, 4004]) {
      const temp = join(dir, `.config.json.${port}.tmp`);
      writeFileSync(temp, withPort(port));
      renameSync(temp, file);
      await until(port - 4002);
    }
    expect(changes.map((change) => change.ok && change.result.config.port)).toEqual([4003, 4004]);
  });

  it("debounces a burst of writes into one report and ignores saves that change nothing", async () => {
    start();
    writeFileSync(file, withPort(5000));
    writeFileSync(file, withPort(5001));
    writeFileSync(file, withPort(5002));
    await until(1);
    writeFileSync(file, withPort(5002));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changes.map((change) => change.ok && change.result.config.port)).toEqual([5002]);
  });

  it("reports a deleted file as a read error", async () => {
    start();
    rmSync(file);
    await until(1);
    expect(changes[0]?.ok === false && changes[0].error.kind).toBe("read");
  });

  it("reports the config again when a deleted file comes back, even unchanged", async () => {
    start();
    rmSync(file);
    await until(1);
    writeFileSync(file, valid);
    await until(2);
    expect(changes[1]?.ok).toBe(true);
  });

  it("reports nothing after close", async () => {
    start();
    watcher?.close();
    writeFileSync(file, withPort(4999));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changes).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { LocalTierCopy } from "./local-tier-copy.js";
import { NO_RECORD } from "./shared-fields.js";

function setup() {
  const clock = { now: 1_000 };
  return { clock, copy: new LocalTierCopy(() => clock.now) };
}

const cooling = { ...NO_RECORD, cooldownUntil: 50_000 };

describe("LocalTierCopy", () => {
  it("takes a newer version and ignores an older or equal one (announcements and answers may cross)", () => {
    const { copy } = setup();
    expect(copy.accept("t", 5, cooling, 10_000)).toBe(true);
    expect(copy.accept("t", 4, NO_RECORD, 10_000)).toBe(false);
    expect(copy.accept("t", 5, NO_RECORD, 10_000)).toBe(false);
    expect(copy.read("t")).toEqual(cooling);
    expect(copy.accept("t", 6, NO_RECORD, 10_000)).toBe(true);
    expect(copy.read("t")).toEqual(NO_RECORD);
  });

  it("forgets a record when its time is up, as Redis does with the key; -1 means no expiry", () => {
    const { copy, clock } = setup();
    copy.accept("t", 1, cooling, 500);
    copy.accept("forever", 1, cooling, -1);
    clock.now += 499;
    expect(copy.read("t")).toEqual(cooling);
    clock.now += 1;
    expect(copy.read("t")).toBeUndefined();
    expect(copy.mirroredIds()).toEqual(["forever"]);
  });

  it("overlays this replica's own fields, also on a tier without a shared record", () => {
    const { copy, clock } = setup();
    copy.setOwn("t", { ...NO_RECORD, latencyEwmaMs: 80 }, 1_000);
    expect(copy.read("t")).toEqual({ ...NO_RECORD, latencyEwmaMs: 80 });
    copy.accept("t", 1, { ...cooling, latencyEwmaMs: 400 }, 5_000);
    expect(copy.read("t")).toEqual({ ...cooling, latencyEwmaMs: 80 });
    clock.now += 1_000;
    expect(copy.read("t")).toEqual({ ...cooling, latencyEwmaMs: 400 });
  });

  it("after Redis lost its data, offers every live record back with no version", () => {
    const { copy } = setup();
    copy.accept("t", 7, cooling, 5_000);
    copy.offerAllBack();
    expect(copy.mirror("t")).toMatchObject({ version: 0, unsaved: true, record: cooling });
    // Whatever Redis holds now replaces it.
    expect(copy.accept("t", 1, NO_RECORD, 5_000)).toBe(true);
    expect(copy.mirror("t")).toMatchObject({ version: 1, unsaved: false });
  });
});

import { describe, expect, it } from "vitest";
import { loadDashboard } from "./load-dashboard.js";

describe("loadDashboard", () => {
  it("gives runDashboard when @ccr/dashboard is installed", async () => {
    const loaded = await loadDashboard({}, async () => ({ runDashboard: async () => {} }));
    expect(loaded.ok).toBe(true);
  });

  it("says how to install it when it is missing", async () => {
    const missing = Object.assign(new Error("Cannot find package '@ccr/dashboard'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    const loaded = await loadDashboard({}, async () => {
      throw missing;
    });
    expect(loaded).toMatchObject({ ok: false });
    if (!loaded.ok) expect(loaded.message).toContain("npm i -g @ccr/dashboard");
  });

  it("lets any other failure through", async () => {
    await expect(
      loadDashboard({}, async () => {
        throw new TypeError("broken");
      }),
    ).rejects.toThrow("broken");
  });

  it("finds the real package in this workspace", async () => {
    const loaded = await loadDashboard({});
    expect(loaded.ok).toBe(true);
  });
});

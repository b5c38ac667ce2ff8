import { describe, expect, it } from "vitest";
import { providerAuthHeaders } from "./provider-auth-headers.js";
import { providerPackageName } from "./provider-package-name.js";

describe("providerAuthHeaders", () => {
  it("puts the key where each auth style expects it", () => {
    expect(providerAuthHeaders({ style: "bearer" }, "k")).toEqual({ authorization: "Bearer k" });
    expect(providerAuthHeaders({ style: "x-api-key" }, "k")).toEqual({ "x-api-key": "k" });
    expect(providerAuthHeaders({ style: "header", header: "Api-Key" }, "k")).toEqual({ "api-key": "k" });
    expect(providerAuthHeaders({ style: "none" }, "k")).toEqual({});
  });

  it("sends nothing without a key", () => {
    expect(providerAuthHeaders({ style: "bearer" }, undefined)).toEqual({});
    expect(providerAuthHeaders({ style: "bearer" }, "")).toEqual({});
  });
});

describe("providerPackageName", () => {
  it("maps a bare id to the repository's package", () => {
    expect(providerPackageName("deepseek")).toBe("@ccr/provider-deepseek");
    expect(providerPackageName("my-local")).toBe("@ccr/provider-my-local");
  });

  it("keeps npm package names as written", () => {
    expect(providerPackageName("@someone/ccr-provider-foo")).toBe("@someone/ccr-provider-foo");
    expect(providerPackageName("ccr-provider-foo")).toBe("ccr-provider-foo");
  });
});

import { describe, expect, it } from "vitest";
import { providerAuthHeaders } from "./provider-auth-headers.js";
import { providerEndpointUrl } from "./provider-endpoint-url.js";
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

describe("providerEndpointUrl", () => {
  it("appends the route of each protocol to an SDK-style base URL", () => {
    expect(providerEndpointUrl("https://api.deepseek.com", "openai")).toBe(
      "https://api.deepseek.com/chat/completions",
    );
    expect(providerEndpointUrl("http://127.0.0.1:11434/v1/", "openai")).toBe(
      "http://127.0.0.1:11434/v1/chat/completions",
    );
    expect(providerEndpointUrl("https://api.deepseek.com/anthropic", "anthropic")).toBe(
      "https://api.deepseek.com/anthropic/v1/messages",
    );
    expect(providerEndpointUrl("https://api.anthropic.com/v1", "anthropic")).toBe(
      "https://api.anthropic.com/v1/messages",
    );
  });

  it("keeps a URL that already is the endpoint", () => {
    expect(providerEndpointUrl("https://x.test/v1/chat/completions", "openai")).toBe(
      "https://x.test/v1/chat/completions",
    );
    expect(providerEndpointUrl("https://x.test/v1/messages", "anthropic")).toBe("https://x.test/v1/messages");
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

import { describe, expect, it } from "vitest";
import { providerKeyHeaders, providerRequestHeaders } from "./provider-request-headers.js";

describe("providerRequestHeaders", () => {
  it("sends the key the protocol's usual way when the endpoint names no auth style", () => {
    expect(providerRequestHeaders({ protocol: "openai", apiKey: "k" })).toEqual({
      authorization: "Bearer k",
    });
    expect(providerRequestHeaders({ protocol: "anthropic", apiKey: "k" })).toEqual({
      "x-api-key": "k",
      "anthropic-version": "2023-06-01",
    });
    expect(providerRequestHeaders({ protocol: "openai" })).toEqual({});
  });

  it("lowercases static headers, keeps a declared anthropic-version and uses the declared auth", () => {
    expect(
      providerRequestHeaders({
        protocol: "anthropic",
        auth: { style: "header", header: "Api-Key" },
        headers: { "Anthropic-Version": "2024-01-01", "X-Client": "ccr" },
        apiKey: "k",
      }),
    ).toEqual({ "anthropic-version": "2024-01-01", "x-client": "ccr", "api-key": "k" });
    expect(providerRequestHeaders({ protocol: "openai", auth: { style: "none" }, apiKey: "k" })).toEqual({});
  });
});

describe("providerKeyHeaders", () => {
  it("is the auth header of providerRequestHeaders alone, for any key", () => {
    expect(providerKeyHeaders({ protocol: "openai" }, "k2")).toEqual({ authorization: "Bearer k2" });
    expect(providerKeyHeaders({ protocol: "anthropic" }, "k2")).toEqual({ "x-api-key": "k2" });
    expect(
      providerKeyHeaders({ protocol: "openai", auth: { style: "header", header: "Api-Key" } }, "k2"),
    ).toEqual({ "api-key": "k2" });
    expect(providerKeyHeaders({ protocol: "openai", auth: { style: "none" } }, "k2")).toEqual({});
    expect(providerKeyHeaders({ protocol: "openai" }, undefined)).toEqual({});
  });
});

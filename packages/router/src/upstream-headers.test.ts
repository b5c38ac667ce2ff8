import type { ProviderConfig } from "@ccr/config";
import { describe, expect, it } from "vitest";
import { upstreamHeaders } from "./upstream-headers.js";

const provider = (protocol: "openai" | "anthropic", apiKey?: string): ProviderConfig => ({
  name: "p",
  baseUrl: "https://p.example",
  endpointUrl: "https://p.example/v1/x",
  protocol,
  apiKey,
  models: ["m"],
  transformers: [],
  modelTransformers: {},
  extra: {},
});
const client = {
  authorization: "Bearer client-key",
  "x-api-key": "client-key",
  "anthropic-beta": "tools-2024",
};

describe("upstreamHeaders", () => {
  it("sends an OpenAI-compatible provider its key as a bearer token and nothing of the client's", () => {
    expect(upstreamHeaders(provider("openai", "sk-p"), {}, client)).toEqual({
      authorization: "Bearer sk-p",
      "content-type": "application/json",
    });
  });

  it("sends an Anthropic-compatible provider x-api-key, the version and the client's anthropic-beta", () => {
    expect(upstreamHeaders(provider("anthropic", "sk-p"), {}, client)).toEqual({
      "x-api-key": "sk-p",
      "anthropic-version": "2023-06-01",
      "anthropic-beta": "tools-2024",
      "content-type": "application/json",
    });
  });

  it("omits auth for a provider without a key and adds the translator's headers", () => {
    expect(upstreamHeaders(provider("openai"), { "HTTP-Referer": "https://ccr" }, client)).toEqual({
      "http-referer": "https://ccr",
      "content-type": "application/json",
    });
  });
});

describe("upstreamHeaders with a provider package's auth and headers", () => {
  const packaged = (auth: ProviderConfig["auth"], protocol: "openai" | "anthropic" = "openai") => ({
    ...provider(protocol, "sk-p"),
    auth,
    headers: { "X-Client": "ccr", "anthropic-version": "2024-01-01" },
  });

  it.each([
    [{ style: "bearer" } as const, { authorization: "Bearer sk-p" }],
    [{ style: "x-api-key" } as const, { "x-api-key": "sk-p" }],
    [{ style: "header", header: "Api-Key" } as const, { "api-key": "sk-p" }],
    [{ style: "none" } as const, {}],
  ])("sends the key as %o says, with the package's static headers", (auth, sent) => {
    expect(upstreamHeaders(packaged(auth), {}, client)).toEqual({
      "x-client": "ccr",
      "anthropic-version": "2024-01-01",
      ...sent,
      "content-type": "application/json",
    });
  });

  it("keeps the package's anthropic-version and lets the translator override any header", () => {
    expect(upstreamHeaders(packaged({ style: "bearer" }, "anthropic"), { "x-client": "t" }, client)).toEqual({
      "x-client": "t",
      "anthropic-version": "2024-01-01",
      "anthropic-beta": "tools-2024",
      authorization: "Bearer sk-p",
      "content-type": "application/json",
    });
  });
});

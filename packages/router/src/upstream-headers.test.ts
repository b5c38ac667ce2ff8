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

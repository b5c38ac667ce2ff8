import { describe, expect, it } from "vitest";
import { protocolUrlProblems } from "./protocol-url-problems.js";

describe("protocolUrlProblems", () => {
  it("accepts URLs that agree with their protocol", () => {
    expect(protocolUrlProblems({ defaultBaseUrl: "https://api.deepseek.com", protocol: "openai" })).toEqual(
      [],
    );
    expect(
      protocolUrlProblems({ defaultBaseUrl: "https://api.anthropic.com", protocol: "anthropic" }),
    ).toEqual([]);
    expect(protocolUrlProblems({ defaultBaseUrl: "http://127.0.0.1:11434/v1", protocol: "openai" })).toEqual(
      [],
    );
    expect(
      protocolUrlProblems({
        defaultBaseUrl: "https://api.z.ai/api/coding/paas/v4",
        protocol: "openai",
        alternateEndpoints: [
          {
            id: "anthropic",
            baseUrl: "https://api.z.ai/api/anthropic",
            protocol: "anthropic",
            description: "x",
          },
        ],
      }),
    ).toEqual([]);
  });

  it("reports each disagreement", () => {
    expect(
      protocolUrlProblems({
        defaultBaseUrl: "http://api.example.com/anthropic",
        protocol: "openai",
        alternateEndpoints: [
          { id: "a", baseUrl: "https://api.example.com/v1", protocol: "anthropic", description: "x" },
          {
            id: "b",
            baseUrl: "https://api.example.com/v1/chat/completions",
            protocol: "openai",
            description: "x",
          },
        ],
      }),
    ).toEqual([
      'defaultBaseUrl: "http://api.example.com/anthropic" must use https (plain http only for local servers)',
      'defaultBaseUrl: "http://api.example.com/anthropic" looks like an Anthropic endpoint but the protocol is "openai"',
      'alternateEndpoints.0 (a): "https://api.example.com/v1" does not look like an Anthropic endpoint (no "anthropic" in host or path) but the protocol is "anthropic"',
      'alternateEndpoints.1 (b): "https://api.example.com/v1/chat/completions" is a full endpoint; give the base URL an SDK takes (without the route)',
    ]);
  });
});

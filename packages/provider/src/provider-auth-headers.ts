import type { ProviderAuth } from "./provider-auth.js";

/** The headers that carry `apiKey` for this auth style; empty without a key or for `none`. */
export function providerAuthHeaders(auth: ProviderAuth, apiKey: string | undefined): Record<string, string> {
  if (!apiKey) return {};
  switch (auth.style) {
    case "bearer":
      return { authorization: `Bearer ${apiKey}` };
    case "x-api-key":
      return { "x-api-key": apiKey };
    case "header":
      return { [auth.header.toLowerCase()]: apiKey };
    case "none":
      return {};
  }
}

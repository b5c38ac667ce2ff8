import type { ProviderAuth } from "./provider-auth.js";

/** The headers that carry `apiKey` for this auth style; empty without a key or for `none`. */
export function providerAuthHeaders(auth: ProviderAuth, apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  addAuthHeader(headers, auth, apiKey);
  return headers;
}

/** Sets the header carrying `apiKey` in `headers` (lower-case names); nothing without a key or for `none`. */
export function addAuthHeader(
  headers: Record<string, string>,
  auth: ProviderAuth,
  apiKey: string | undefined,
): void {
  if (!apiKey) return;
  switch (auth.style) {
    case "bearer":
      headers.authorization = `Bearer ${apiKey}`;
      return;
    case "x-api-key":
      headers["x-api-key"] = apiKey;
      return;
    case "header":
      headers[auth.header.toLowerCase()] = apiKey;
      return;
    case "none":
      return;
  }
}

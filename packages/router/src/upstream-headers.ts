import type { ProviderAuth, ProviderConfig } from "@ccr/config";

const ANTHROPIC_VERSION = "2023-06-01";
const X_API_KEY: ProviderAuth = { style: "x-api-key" };
const BEARER: ProviderAuth = { style: "bearer" };

/**
 * Headers of an upstream request: the provider package's static headers, the key in the provider's auth
 * style (its package's, else its protocol's usual one: `x-api-key` for Anthropic, a bearer token otherwise),
 * then the translator's headers (a transformer may add or override), then content type. The client's own
 * key and authorization are never copied; only `anthropic-beta` is forwarded, and only to providers
 * that speak the Anthropic protocol (others would not understand it).
 */
export function upstreamHeaders(
  provider: ProviderConfig,
  translatorHeaders: Readonly<Record<string, string>> | undefined,
  clientHeaders: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (provider.headers)
    for (const name in provider.headers) headers[name.toLowerCase()] = provider.headers[name]!;
  if (provider.protocol === "anthropic") {
    headers["anthropic-version"] ??= ANTHROPIC_VERSION;
    const beta = clientHeaders?.["anthropic-beta"];
    if (beta) headers["anthropic-beta"] = beta;
  }
  const auth = provider.auth ?? (provider.protocol === "anthropic" ? X_API_KEY : BEARER);
  if (provider.apiKey) {
    if (auth.style === "bearer") headers.authorization = `Bearer ${provider.apiKey}`;
    else if (auth.style === "x-api-key") headers["x-api-key"] = provider.apiKey;
    else if (auth.style === "header") headers[auth.header.toLowerCase()] = provider.apiKey;
  }
  if (translatorHeaders)
    for (const name in translatorHeaders) headers[name.toLowerCase()] = translatorHeaders[name]!;
  headers["content-type"] = "application/json";
  return headers;
}

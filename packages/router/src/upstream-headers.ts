import type { ProviderConfig } from "@ccr/config";

const ANTHROPIC_VERSION = "2023-06-01";

/**
 * Headers of an upstream request: the provider's own auth in its protocol's style, then the
 * translator's headers (a transformer may add or override), then content type. The client's own
 * key and authorization are never copied; only `anthropic-beta` is forwarded, and only to providers
 * that speak the Anthropic protocol (others would not understand it).
 */
export function upstreamHeaders(
  provider: ProviderConfig,
  translatorHeaders: Readonly<Record<string, string>> | undefined,
  clientHeaders: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (provider.protocol === "anthropic") {
    if (provider.apiKey) headers["x-api-key"] = provider.apiKey;
    headers["anthropic-version"] = ANTHROPIC_VERSION;
    const beta = clientHeaders?.["anthropic-beta"];
    if (beta) headers["anthropic-beta"] = beta;
  } else if (provider.apiKey) {
    headers.authorization = `Bearer ${provider.apiKey}`;
  }
  if (translatorHeaders)
    for (const name in translatorHeaders) headers[name.toLowerCase()] = translatorHeaders[name]!;
  headers["content-type"] = "application/json";
  return headers;
}

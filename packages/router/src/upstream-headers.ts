import type { ProviderConfig } from "@ccr/config";
import { providerRequestHeaders } from "@ccr/provider";

/**
 * Headers of an upstream request: the provider's own (its package's static headers, `anthropic-version`,
 * the key in the provider's auth style, built by the provider spec's `providerRequestHeaders`), then the
 * translator's headers (a transformer may add or override), then content type. The client's own key and
 * authorization are never copied; only `anthropic-beta` is forwarded, and only to providers that speak the
 * Anthropic protocol (others would not understand it). `withKey` false leaves the key out: a provider with a
 * key pool gets its key's header per attempt (`providerKeyHeaders`), on top of these same headers.
 */
export function upstreamHeaders(
  provider: ProviderConfig,
  translatorHeaders: Readonly<Record<string, string>> | undefined,
  clientHeaders: Readonly<Record<string, string>> | undefined,
  withKey = true,
): Record<string, string> {
  const headers = providerRequestHeaders(withKey ? provider : { ...provider, apiKey: undefined });
  if (provider.protocol === "anthropic") {
    const beta = clientHeaders?.["anthropic-beta"];
    if (beta) headers["anthropic-beta"] = beta;
  }
  if (translatorHeaders)
    for (const name in translatorHeaders) headers[name.toLowerCase()] = translatorHeaders[name]!;
  headers["content-type"] = "application/json";
  return headers;
}

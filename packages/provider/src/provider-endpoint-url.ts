import type { WireProtocol } from "./wire-protocol.js";

/**
 * The URL to POST to, from an SDK-style base URL: `<base>/chat/completions` (OpenAI) or
 * `<base>/v1/messages` (Anthropic). A base that already ends with the path is kept as is.
 */
export function providerEndpointUrl(baseUrl: string, protocol: WireProtocol): string {
  const base = baseUrl.replace(/\/+$/, "");
  const suffix = protocol === "openai" ? "/chat/completions" : "/v1/messages";
  if (base.endsWith(suffix)) return base;
  if (protocol === "anthropic" && base.endsWith("/v1")) return `${base}/messages`;
  return base + suffix;
}

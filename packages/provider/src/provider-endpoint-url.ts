import type { WireProtocol } from "./wire-protocol.js";

/**
 * The URL to POST to, for a package's SDK-style base URL and for a URL written in a config alike. A full
 * endpoint (`.../chat/completions`, `.../messages`) is kept as it is; an OpenAI base includes its version
 * (`.../v1`, `.../paas/v4`) and gets `/chat/completions`, a bare host gets `/v1/chat/completions`; an
 * Anthropic base gets `/v1/messages` (`/messages` when it already ends in `/v1`). The query string is kept.
 */
export function providerEndpointUrl(baseUrl: string, protocol: WireProtocol): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, "");
  if (protocol === "openai") {
    if (path.endsWith("/chat/completions")) url.pathname = path;
    else url.pathname = path === "" ? "/v1/chat/completions" : `${path}/chat/completions`;
  } else if (path.endsWith("/messages")) {
    url.pathname = path;
  } else {
    url.pathname = path.endsWith("/v1") ? `${path}/messages` : `${path}/v1/messages`;
  }
  return url.toString();
}

import type { WireProtocol } from "./types";

/**
 * The protocol a provider speaks when `protocol` is not written: a URL ending in `/messages` or with an
 * `/anthropic` path segment is Anthropic Messages, anything else OpenAI Chat Completions. Transformer names
 * never decide this: the Rust CCR seed lists `anthropic` on OpenAI-compatible providers.
 */
export function detectProtocol(baseUrl: string): WireProtocol {
  const segments = new URL(baseUrl).pathname.split("/").filter((segment) => segment !== "");
  if (segments.at(-1) === "messages" || segments.includes("anthropic")) return "anthropic";
  return "openai";
}

/**
 * The URL to POST to. A full endpoint (`.../chat/completions`, `.../messages`) is kept as written;
 * otherwise the SDK conventions apply: an OpenAI base includes its version (`.../v1`, `.../paas/v4`) and gets
 * `/chat/completions`, a bare host gets `/v1/chat/completions`; an Anthropic base gets `/v1/messages`
 * (`/messages` when it already ends in `/v1`). The query string is kept.
 */
export function endpointUrlFor(baseUrl: string, protocol: WireProtocol): string {
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

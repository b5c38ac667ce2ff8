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

const GEMINI_HOST = "generativelanguage.googleapis.com";
const GEMINI_OPENAI_PATH = "/v1beta/openai/chat/completions";

/**
 * The URL to POST to. A full endpoint (`.../chat/completions`, `.../messages`) is kept as written;
 * otherwise the SDK conventions apply: an OpenAI base includes its version (`.../v1`, `.../paas/v4`) and gets
 * `/chat/completions`, a bare host gets `/v1/chat/completions`; an Anthropic base gets `/v1/messages`
 * (`/messages` when it already ends in `/v1`). The query string is kept.
 *
 * claude-code-router's Gemini entries name Gemini's native API (`.../v1beta/models/`, or the bare host), which
 * its own `gemini` transformer completed per model; CCR speaks Chat Completions, so those go to Gemini's
 * OpenAI-compatible endpoint instead of a path that does not exist.
 */
export function endpointUrlFor(baseUrl: string, protocol: WireProtocol): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, "");
  if (protocol === "openai" && url.hostname === GEMINI_HOST && !path.split("/").includes("openai")) {
    url.pathname = GEMINI_OPENAI_PATH;
  } else if (protocol === "openai") {
    if (path.endsWith("/chat/completions")) url.pathname = path;
    else url.pathname = path === "" ? "/v1/chat/completions" : `${path}/chat/completions`;
  } else if (path.endsWith("/messages")) {
    url.pathname = path;
  } else {
    url.pathname = path.endsWith("/v1") ? `${path}/messages` : `${path}/v1/messages`;
  }
  return url.toString();
}

import { providerEndpointUrl, type WireProtocol } from "@ccr/provider";

const GEMINI_HOST = "generativelanguage.googleapis.com";
const GEMINI_OPENAI_PATH = "/v1beta/openai";

/**
 * The URL to POST to for an `api_base_url` as written: the provider spec's endpoint rule
 * (`providerEndpointUrl`), after one file-format fix. claude-code-router's Gemini entries name Gemini's
 * native API (`.../v1beta/models/`, or the bare host), which its own `gemini` transformer completed per
 * model; CCR speaks Chat Completions, so those go to Gemini's OpenAI-compatible endpoint instead of a path
 * that does not exist.
 */
export function endpointUrlFor(baseUrl: string, protocol: WireProtocol): string {
  if (protocol !== "openai") return providerEndpointUrl(baseUrl, protocol);
  const url = new URL(baseUrl);
  if (url.hostname === GEMINI_HOST && !url.pathname.split("/").includes("openai")) {
    url.pathname = GEMINI_OPENAI_PATH;
  }
  return providerEndpointUrl(url.toString(), protocol);
}

import type { WireProtocol } from "./wire-protocol.js";

/**
 * The protocol a URL speaks when none is declared: a path ending in `/messages` or with an `/anthropic`
 * segment is Anthropic Messages, anything else OpenAI Chat Completions. Only whole path segments count,
 * never the host. The config applies it to hand-written URLs and the conformance kit to package URLs,
 * so a package default and a hand-written entry never disagree.
 */
export function protocolOfUrl(url: string | URL): WireProtocol {
  const segments = new URL(url).pathname.split("/").filter((segment) => segment !== "");
  if (segments.at(-1) === "messages" || segments.includes("anthropic")) return "anthropic";
  return "openai";
}

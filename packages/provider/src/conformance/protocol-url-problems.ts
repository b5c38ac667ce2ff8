import { protocolOfUrl } from "../protocol-of-url.js";
import type { ProviderDefinition } from "../provider-definition.js";
import type { WireProtocol } from "../wire-protocol.js";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

function urlProblems(where: string, raw: string, protocol: WireProtocol): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [`${where}: "${raw}" is not an absolute URL`];
  }
  const problems: string[] = [];
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    problems.push(`${where}: "${raw}" must use https (plain http only for local servers)`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  const anthropicPath = protocolOfUrl(url) === "anthropic";
  if (protocol === "openai" && anthropicPath) {
    problems.push(`${where}: "${raw}" looks like an Anthropic endpoint but the protocol is "openai"`);
  }
  if (protocol === "anthropic" && !anthropicPath && !url.hostname.includes("anthropic")) {
    problems.push(
      `${where}: "${raw}" does not look like an Anthropic endpoint (no "anthropic" in host or path) but the protocol is "anthropic"`,
    );
  }
  if (path.endsWith("/chat/completions") || path.endsWith("/messages")) {
    problems.push(
      `${where}: "${raw}" is a full endpoint; give the base URL an SDK takes (without the route)`,
    );
  }
  return problems;
}

/**
 * Disagreements between each declared protocol and its URL, using the rule the config applies
 * when a user writes a URL without a protocol (an `/anthropic` path segment or a `/messages`
 * route means Anthropic), so a package default and a hand-written entry never disagree.
 */
export function protocolUrlProblems(
  def: Pick<ProviderDefinition, "defaultBaseUrl" | "protocol" | "alternateEndpoints">,
): string[] {
  return [
    ...urlProblems("defaultBaseUrl", def.defaultBaseUrl, def.protocol),
    ...(def.alternateEndpoints ?? []).flatMap((endpoint, index) =>
      urlProblems(`alternateEndpoints.${index} (${endpoint.id})`, endpoint.baseUrl, endpoint.protocol),
    ),
  ];
}

import type { ProviderAuth } from "./provider-auth.js";
import { addAuthHeader } from "./provider-auth-headers.js";
import type { WireProtocol } from "./wire-protocol.js";

/** The Anthropic API version sent when the endpoint names none: the one the Messages translation targets. */
export const ANTHROPIC_VERSION = "2023-06-01";

const X_API_KEY: ProviderAuth = { style: "x-api-key" };
const BEARER: ProviderAuth = { style: "bearer" };

/** What the headers of a request to one provider endpoint depend on; a config's `ProviderConfig` is one. */
export interface ProviderHeaderSource {
  readonly protocol: WireProtocol;
  /** How the key travels; undefined: the protocol's usual way (`x-api-key` for Anthropic, a bearer token otherwise). */
  readonly auth?: ProviderAuth;
  /** Static headers the provider asks for on every request (`anthropic-version`...). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly apiKey?: string;
}

/**
 * The provider's own headers of every request, names in lower case: its static headers, `anthropic-version`
 * for Anthropic endpoints that set none, and the key in the endpoint's auth style. A new object each call,
 * for the caller to add the request's own headers to.
 */
export function providerRequestHeaders(source: ProviderHeaderSource): Record<string, string> {
  const headers: Record<string, string> = {};
  if (source.headers) for (const name in source.headers) headers[name.toLowerCase()] = source.headers[name]!;
  if (source.protocol === "anthropic") headers["anthropic-version"] ??= ANTHROPIC_VERSION;
  addAuthHeader(headers, providerAuthStyle(source), source.apiKey);
  return headers;
}

/** How the key travels to this endpoint: its declared auth style, else the protocol's usual way. */
export function providerAuthStyle(source: Pick<ProviderHeaderSource, "protocol" | "auth">): ProviderAuth {
  return source.auth ?? (source.protocol === "anthropic" ? X_API_KEY : BEARER);
}

/**
 * The header carrying `apiKey` to this endpoint, alone (e.g. `{ authorization: "Bearer ..." }`): what changes
 * from one attempt to the next when a provider has several keys. Empty without a key or for `none`.
 */
export function providerKeyHeaders(
  source: Pick<ProviderHeaderSource, "protocol" | "auth">,
  apiKey: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  addAuthHeader(headers, providerAuthStyle(source), apiKey);
  return headers;
}

/**
 * How the API key travels to the provider.
 * - `bearer`: `Authorization: Bearer <key>` (OpenAI and most compatible servers).
 * - `x-api-key`: `x-api-key: <key>` (Anthropic).
 * - `header`: the key alone in a custom header (e.g. `api-key` for Azure-style servers).
 * - `none`: no key at all (local servers such as Ollama).
 */
export type ProviderAuth =
  | { readonly style: "bearer" }
  | { readonly style: "x-api-key" }
  | { readonly style: "header"; readonly header: string }
  | { readonly style: "none" };

import { protocolOfUrl, type TransformerSpec } from "@ccr/provider";
import type { ConfigIssue } from "../issues/config-issue.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";
import { didYouMean } from "../issues/suggest.js";
import type { RawProvider } from "../schema/raw-config-schema.js";
import type { ProviderConfig } from "../types.js";
import { normalizeKeyPool } from "./normalize-key-pool.js";
import { endpointUrlFor } from "./resolve-endpoint.js";

const KNOWN_PROVIDER_KEYS = [
  "name",
  "api_base_url",
  "api_key",
  "api_keys",
  "models",
  "transformer",
  "protocol",
];

/** A shape-checked provider entry → ProviderConfig, plus warnings for what it ignores and errors in its keys. */
export function normalizeProvider(
  raw: RawProvider,
  at: readonly PathSegment[],
): { provider: ProviderConfig; warnings: ConfigIssue[]; errors: readonly ConfigIssue[] } {
  const warnings: ConfigIssue[] = [];
  const keys = normalizeKeyPool(raw, at);
  // Transformer names never decide the protocol: the Rust CCR seed lists `anthropic` on OpenAI-compatible providers.
  const protocol = raw.protocol ?? protocolOfUrl(raw.api_base_url);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_PROVIDER_KEYS.includes(key)) continue;
    extra[key] = value;
    const suggestion = didYouMean(key, KNOWN_PROVIDER_KEYS);
    warnings.push({
      path: formatJsonPath([...at, key]),
      message: "unknown provider key; kept for extensions, not used by CCR",
      ...(suggestion !== undefined && { suggestion }),
    });
  }

  const { use, ...perModel } = raw.transformer ?? {};
  const modelTransformers: Record<string, readonly TransformerSpec[]> = {};
  for (const [model, entry] of Object.entries(perModel)) {
    modelTransformers[model] = entry.use ?? [];
    if (!raw.models.includes(model)) {
      const suggestion = didYouMean(model, raw.models);
      warnings.push({
        path: formatJsonPath([...at, "transformer", model]),
        message: "transformers for a model this provider does not list; they never apply",
        ...(suggestion !== undefined && { suggestion }),
      });
    }
  }

  const provider: ProviderConfig = {
    name: raw.name,
    baseUrl: raw.api_base_url,
    endpointUrl: endpointUrlFor(raw.api_base_url, protocol),
    protocol,
    ...(keys.apiKey !== undefined && { apiKey: keys.apiKey }),
    ...(keys.keyPool !== undefined && { keyPool: keys.keyPool }),
    models: raw.models,
    transformers: use ?? [],
    modelTransformers,
    extra,
  };
  return { provider, warnings, errors: keys.errors };
}

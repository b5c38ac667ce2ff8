import type { ConfigIssue } from "./config-issue";
import { formatJsonPath, type PathSegment } from "./json-path";
import type { RawProvider } from "./raw-config-schema";
import { detectProtocol, endpointUrlFor } from "./resolve-endpoint";
import { didYouMean } from "./suggest";
import type { ProviderConfig, TransformerSpec } from "./types";

const KNOWN_PROVIDER_KEYS = ["name", "api_base_url", "api_key", "models", "transformer", "protocol"];

/** A shape-checked provider entry → ProviderConfig, plus warnings for what it ignores. */
export function normalizeProvider(
  raw: RawProvider,
  at: readonly PathSegment[],
): { provider: ProviderConfig; warnings: ConfigIssue[] } {
  const warnings: ConfigIssue[] = [];
  const protocol = raw.protocol ?? detectProtocol(raw.api_base_url);
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
    ...(raw.api_key !== undefined && { apiKey: raw.api_key }),
    models: raw.models,
    transformers: use ?? [],
    modelTransformers,
    extra,
  };
  return { provider, warnings };
}

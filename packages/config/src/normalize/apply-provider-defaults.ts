import {
  type AlternateEndpoint,
  type ModelInfo,
  providerEndpointUrl,
  resolveModelInfo,
  type TransformerSpec,
} from "@ccr/provider";
import type { Env } from "../env/interpolate-env.js";
import type { ConfigIssue } from "../issues/config-issue.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";
import type { ProviderDefaults, ProviderPackages } from "../load/provider-packages.js";
import type { ModelMetadata, ProviderConfig } from "../types.js";

/** A provider entry as written, after its package's defaults were filled in. */
export type ProviderExpansion =
  /** No `"provider"`: the entry is used as written. */
  | { readonly kind: "classic"; readonly entry: unknown }
  | {
      readonly kind: "package";
      readonly entry: Record<string, unknown>;
      readonly ref: string;
      readonly defaults: ProviderDefaults;
      /** The package's alternate endpoint the written `api_base_url` names, if any. */
      readonly endpoint?: AlternateEndpoint;
      readonly warnings: readonly ConfigIssue[];
    }
  | { readonly kind: "failed"; readonly issue: ConfigIssue };

/**
 * Fills a `"provider": "<ref>"` entry from its package: endpoint, protocol, models, transformer chain and the
 * key from the package's usual variable; every field written in the entry wins. A written `api_base_url`
 * without `protocol` is read like any other URL, unless it is one of the package's alternate endpoints. A
 * written `transformer` replaces the package's whole transformer setting (chain and per-model chains).
 * The result is then shape-checked and normalized like a hand-written entry.
 */
export function expandProviderEntry(
  entry: unknown,
  at: readonly PathSegment[],
  options: ProviderPackages & { readonly env: Env },
): ProviderExpansion {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry) || !("provider" in entry)) {
    return { kind: "classic", entry };
  }
  const { provider, ...written } = entry as Record<string, unknown>;
  const path = formatJsonPath([...at, "provider"]);
  if (typeof provider !== "string" || provider.trim() === "") {
    return {
      kind: "failed",
      issue: {
        path,
        message: "must name a provider package",
        expected: 'a provider id like "deepseek" or an npm package name',
        received: JSON.stringify(provider),
      },
    };
  }
  const ref = provider.trim();
  const defaults = options.providerDefinitions?.[ref];
  if (defaults === undefined) {
    const failure = options.providerLoadFailures?.[ref];
    return {
      kind: "failed",
      issue: {
        path,
        message: `provider package ${JSON.stringify(ref)} could not be loaded${failure ? `: ${failure.reason}` : ""}`,
        suggestion:
          failure?.suggestion ??
          "the ccr CLI loads provider packages itself; a program using @ccr/config directly passes them as providerDefinitions or loadProviders",
      },
    };
  }

  const url = typeof written.api_base_url === "string" ? written.api_base_url.trim() : undefined;
  const endpoint = url === undefined ? undefined : alternateEndpointAt(defaults, url);
  const protocol = url === undefined ? defaults.protocol : endpoint?.protocol;
  const models = Array.isArray(written.models) ? written.models : defaults.models.map((model) => model.id);
  const apiKey = defaults.apiKeyEnv === undefined ? undefined : options.env[defaults.apiKeyEnv];
  const expanded: Record<string, unknown> = {
    name: defaults.id,
    api_base_url: providerEndpointUrl(defaults.defaultBaseUrl, defaults.protocol),
    ...(protocol !== undefined && { protocol }),
    models,
    transformer: rawTransformer(endpoint?.transformers ?? defaults.transformers, defaults, endpoint, models),
    // A written key pool (`api_keys`) replaces the package's variable like a written `api_key` does.
    ...(apiKey !== undefined && apiKey !== "" && written.api_keys === undefined && { api_key: apiKey }),
    ...written,
  };

  const warnings: ConfigIssue[] = [];
  const key = expanded.api_key;
  const auth = endpoint?.auth ?? defaults.auth;
  const noKey =
    expanded.api_keys === undefined && (key === undefined || (typeof key === "string" && key.trim() === ""));
  if (auth.style !== "none" && noKey) {
    const variable = defaults.apiKeyEnv;
    warnings.push({
      path: formatJsonPath(at),
      message: `no api_key${variable === undefined ? "" : ` and ${variable} is not set`}: requests to ${JSON.stringify(defaults.id)} go without a key and will likely be refused`,
      suggestion:
        variable === undefined
          ? 'write "api_key" in the entry'
          : `export ${variable} before starting CCR, or write "api_key" in the entry`,
    });
  }
  return { kind: "package", entry: expanded, ref, defaults, ...(endpoint && { endpoint }), warnings };
}

/**
 * The normalized entry with what the package knows beyond the file format: how the key is sent, static
 * headers and model metadata. Auth and headers are the package's only while the entry still speaks the
 * package's protocol (or one of its declared endpoints): a URL pointing elsewhere gets the protocol's usual auth.
 */
export function withPackageMetadata(
  provider: ProviderConfig,
  expansion: Extract<ProviderExpansion, { kind: "package" }>,
): ProviderConfig {
  const { defaults, endpoint } = expansion;
  const own = endpoint !== undefined || provider.protocol === defaults.protocol;
  const modelInfo: Record<string, ModelMetadata> = {};
  for (const model of provider.models) {
    const known = resolveModelInfo(defaults, model);
    if (known) modelInfo[model] = metadataOf(known);
  }
  return {
    ...provider,
    providerRef: expansion.ref,
    ...(own && { auth: { ...(endpoint?.auth ?? defaults.auth) } }),
    ...(own && defaults.headers !== undefined && { headers: { ...defaults.headers } }),
    modelInfo,
  };
}

function alternateEndpointAt(defaults: ProviderDefaults, url: string): AlternateEndpoint | undefined {
  const target = url.replace(/\/+$/, "");
  return defaults.alternateEndpoints?.find(
    (endpoint) =>
      endpoint.baseUrl.replace(/\/+$/, "") === target ||
      providerEndpointUrl(endpoint.baseUrl, endpoint.protocol) === target,
  );
}

/** The package's chains in the file's `transformer` shape, per-model chains only for the entry's models. */
function rawTransformer(
  chain: readonly TransformerSpec[],
  defaults: ProviderDefaults,
  endpoint: AlternateEndpoint | undefined,
  models: readonly unknown[],
): Record<string, unknown> {
  const transformer: Record<string, unknown> = { use: chain.map(rawSpec) };
  // Per-model chains are written for the default endpoint's dialect.
  if (endpoint !== undefined) return transformer;
  for (const [model, specs] of Object.entries(defaults.modelTransformers ?? {})) {
    if (models.includes(model)) transformer[model] = { use: specs.map(rawSpec) };
  }
  return transformer;
}

function rawSpec(spec: TransformerSpec): unknown {
  return spec.options === undefined ? spec.name : [spec.name, { ...spec.options }];
}

function metadataOf(model: ModelInfo): ModelMetadata {
  const { contextWindow, maxOutputTokens, capabilities, pricing } = model;
  return { contextWindow, maxOutputTokens, ...capabilities, pricing: { ...pricing } };
}

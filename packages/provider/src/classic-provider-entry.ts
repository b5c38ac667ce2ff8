import type { ProviderDefinition } from "./provider-definition.js";
import { providerEndpointUrl } from "./provider-endpoint-url.js";
import type { TransformerSpec } from "./transformer-spec.js";
import type { WireProtocol } from "./wire-protocol.js";

/** A provider entry in the config-file format users already write (claude-code-router's). */
export interface ClassicProviderEntry {
  name: string;
  api_base_url: string;
  protocol: WireProtocol;
  api_key?: string;
  models: string[];
  transformer?: { use: unknown[]; [model: string]: unknown };
}

export interface ClassicProviderEntryOptions {
  /** The entry's name; defaults to the provider id. */
  name?: string;
  apiKey?: string;
  /** The id of one of the provider's `alternateEndpoints` to use instead of the default endpoint. */
  endpoint?: string;
}

function toUse(specs: readonly TransformerSpec[]): unknown[] {
  return specs.map((spec) => (spec.options ? [spec.name, { ...spec.options }] : spec.name));
}

/**
 * The package's defaults spelled out as a classic config entry, so a `"provider": "<id>"` entry can
 * be expanded (`{ ...classicProviderEntry(def, ...), ...explicitFieldsOfTheUser }`) and then
 * normalized exactly like a hand-written one. `api_base_url` is the full endpoint URL.
 */
export function classicProviderEntry(
  def: ProviderDefinition,
  options: ClassicProviderEntryOptions = {},
): ClassicProviderEntry {
  const alternate = options.endpoint
    ? def.alternateEndpoints?.find((endpoint) => endpoint.id === options.endpoint)
    : undefined;
  if (options.endpoint && !alternate) {
    const known = (def.alternateEndpoints ?? []).map((endpoint) => endpoint.id).join(", ") || "none";
    throw new Error(`provider "${def.id}" has no endpoint "${options.endpoint}" (known: ${known})`);
  }
  const protocol = alternate?.protocol ?? def.protocol;
  const chain = alternate?.transformers ?? def.transformers;
  const transformer: ClassicProviderEntry["transformer"] = { use: toUse(chain) };
  for (const [model, specs] of Object.entries(def.modelTransformers ?? {}))
    transformer[model] = { use: toUse(specs) };
  const entry: ClassicProviderEntry = {
    name: options.name ?? def.id,
    api_base_url: providerEndpointUrl(alternate?.baseUrl ?? def.defaultBaseUrl, protocol),
    protocol,
    models: def.models.map((model) => model.id),
    transformer,
  };
  if (options.apiKey !== undefined) entry.api_key = options.apiKey;
  return entry;
}

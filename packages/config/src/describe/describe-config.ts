import type { ProviderAuth, TransformerSpec } from "@ccr/provider";
import { DEFAULT_RETRY_POLICY } from "../chains/retry-policy.js";
import type { CcrConfig, ChainTier, ModelMetadata, ProviderConfig } from "../types.js";
import { SCENARIOS } from "../types.js";

/**
 * The human summary printed by `ccr validate` and `ccr start`: where CCR listens, each provider (protocol,
 * endpoint, models, transformers, whether a key is set or the ids of its keys — never a key) and the tier
 * chain of each scenario.
 */
export function describeConfig(config: CcrConfig): string {
  const lines: string[] = [];
  if (config.sourcePath !== undefined) lines.push(`Config: ${config.sourcePath}`);
  lines.push(
    `Listens on http://${config.host}:${config.port} (client key ${config.apiKey === undefined ? "not required" : "required"})`,
  );
  if (config.proxyUrl !== undefined) lines.push(`Upstream proxy: ${config.proxyUrl}`);
  if (config.state?.redisUrl !== undefined)
    lines.push(`Tier and key health shared through ${describeRedisUrl(config.state.redisUrl)} (state.redis)`);

  const providers = Object.values(config.providers);
  lines.push("", `Providers (${providers.length}):`);
  for (const provider of providers) {
    lines.push(`  ${provider.name}  ${provider.protocol}  ${provider.endpointUrl}`);
    if (provider.providerRef !== undefined) lines.push(`    package: ${provider.providerRef}`);
    lines.push(formatKeys(provider));
    lines.push(
      `    models: ${provider.models.map((model) => formatModel(model, provider.modelInfo?.[model])).join(", ")}`,
    );
    if (provider.transformers.length > 0)
      lines.push(`    transformers: ${formatSpecs(provider.transformers)}`);
    for (const [model, specs] of Object.entries(provider.modelTransformers)) {
      lines.push(`    transformers for ${model}: ${formatSpecs(specs)}`);
    }
  }

  lines.push("", "Tier chains:");
  const width = Math.max(...SCENARIOS.map((scenario) => scenario.length));
  for (const scenario of SCENARIOS) {
    const own = scenario === "default" || config.router[scenario] !== undefined;
    const note = own ? "" : "  (unset: routed as default)";
    lines.push(`  ${scenario.padEnd(width)}  ${config.chains[scenario].map(formatTier).join(" → ")}${note}`);
  }
  lines.push(`  longContext applies above ${config.router.longContextThreshold} tokens`);

  const presets = Object.values(config.presets);
  if (presets.length > 0) {
    lines.push("", `Presets (${presets.length}):`);
    for (const preset of presets) {
      const overrides = Object.keys(preset.overrides);
      const route = preset.route === undefined ? "normal routing" : preset.route.id;
      lines.push(
        `  ${preset.name}: ${route}${overrides.length > 0 ? `, overrides ${overrides.join(", ")}` : ""}`,
      );
    }
  }
  if (config.customRouterPath !== undefined) lines.push("", `Custom router: ${config.customRouterPath}`);
  if (config.customTransformers.length > 0) {
    lines.push("", "Custom transformers:", ...config.customTransformers.map((entry) => `  ${entry.path}`));
  }
  return lines.join("\n");
}

/** Whether a key is set, or the ids of a key pool with their budgets: never a key. */
function formatKeys(provider: ProviderConfig): string {
  const auth = formatAuth(provider.auth);
  if (provider.keyPool === undefined)
    return `    key: ${provider.apiKey === undefined ? "none" : "set"}${auth}`;
  const keys = provider.keyPool.map((key) => {
    const budgets = [
      key.rpm !== undefined ? `rpm ${key.rpm.toLocaleString("en-US")}` : undefined,
      key.tpm !== undefined ? `tpm ${key.tpm.toLocaleString("en-US")}` : undefined,
    ].filter(Boolean);
    return budgets.length === 0 ? key.id : `${key.id} (${budgets.join(", ")})`;
  });
  return `    keys (${keys.length}, round-robin): ${keys.join(", ")}${auth}`;
}

/** `redis://host:port/db`, without user or password. */
function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "Redis";
  }
}

function formatAuth(auth: ProviderAuth | undefined): string {
  if (auth === undefined) return "";
  const sent = { bearer: "Authorization: Bearer", "x-api-key": "x-api-key", none: "" };
  if (auth.style === "none") return " (none needed)";
  return ` (sent as ${auth.style === "header" ? auth.header : sent[auth.style]})`;
}

function formatModel(model: string, info: ModelMetadata | undefined): string {
  if (info === undefined) return model;
  const facts: string[] = [];
  if (info.contextWindow !== undefined) facts.push(`context ${info.contextWindow.toLocaleString("en-US")}`);
  if (info.maxOutputTokens !== undefined)
    facts.push(`output ≤${info.maxOutputTokens.toLocaleString("en-US")}`);
  if (info.vision === false) facts.push("no images");
  return facts.length === 0 ? model : `${model} (${facts.join(", ")})`;
}

// Option values can hold credentials (a plugin's token): only their names are shown.
function formatSpecs(specs: readonly TransformerSpec[]): string {
  return specs
    .map((spec) =>
      spec.options === undefined ? spec.name : `${spec.name} (${Object.keys(spec.options).join(", ")})`,
    )
    .join(", ");
}

// Only a policy that differs from the defaults is worth a mention.
function formatTier(tier: ChainTier): string {
  const r = tier.retry;
  const d = DEFAULT_RETRY_POLICY;
  const changed =
    r.maxRetries !== d.maxRetries ||
    r.baseBackoffMs !== d.baseBackoffMs ||
    r.backoffMultiplier !== d.backoffMultiplier ||
    r.maxBackoffMs !== d.maxBackoffMs ||
    r.streamFirstEventTimeoutMs !== d.streamFirstEventTimeoutMs ||
    r.streamIdleTimeoutMs !== d.streamIdleTimeoutMs;
  if (!changed) return tier.id;
  const parts = [
    `${r.maxRetries} retries`,
    `backoff ${r.baseBackoffMs}ms×${r.backoffMultiplier}≤${r.maxBackoffMs}ms`,
  ];
  if (r.streamFirstEventTimeoutMs !== d.streamFirstEventTimeoutMs)
    parts.push(`first event ≤${r.streamFirstEventTimeoutMs}ms`);
  if (r.streamIdleTimeoutMs !== d.streamIdleTimeoutMs) parts.push(`idle ≤${r.streamIdleTimeoutMs}ms`);
  return `${tier.id} [${parts.join(", ")}]`;
}

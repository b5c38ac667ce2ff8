import type { ProviderDefinition } from "@ccr/provider";

/** One tier of the config `ccr init` writes: a provider package and the model its tier uses. */
export interface InitTier {
  readonly provider: ProviderDefinition;
  readonly model: string;
}

export interface InitConfigInput {
  /** In cascade order: tier 0 first. One per provider. */
  readonly tiers: readonly InitTier[];
  readonly port?: number;
  /** Stamped in the header comment. */
  readonly date?: Date;
}

/**
 * The commented JSONC config `ccr init` writes: one `"provider"` entry per chosen package (the package
 * fills in URL, protocol and transformers), keys as `$VARS`, and the tiers in the chosen order.
 */
export function initConfigText(input: InitConfigInput): string {
  const { tiers } = input;
  if (tiers.length === 0) throw new Error("initConfigText needs at least one tier");
  const refs = tiers.map((tier) => `${tier.provider.id},${tier.model}`);
  const day = (input.date ?? new Date()).toISOString().slice(0, 10);
  const lines = [
    `// CCR config written by \`ccr init\` on ${day}. The format: docs/configuration.md in the CCR repository.`,
    "// Keys are read from the environment when CCR starts: export the variables named below first.",
    "// Check it any time with: ccr validate",
    "{",
    '  // Where Claude Code reaches CCR. Add "APIKEY": "$CCR_APIKEY" to require a key from clients',
    "  // (needed to listen beyond 127.0.0.1).",
    '  "HOST": "127.0.0.1",',
    `  "PORT": ${input.port ?? 3456},`,
    '  "Providers": [',
    tiers.map((tier) => providerEntry(tier)).join(",\n"),
    "  ],",
    '  "Router": {',
    "    // Every request starts at tier 0; when a tier is rate-limited, overloaded or down, the next one answers.",
    `    "default": ${JSON.stringify(refs[0])},`,
    `    "tiers": [${refs.map((ref) => JSON.stringify(ref)).join(", ")}]`,
    "  }",
    "}",
    "",
  ];
  return lines.join("\n");
}

function providerEntry({ provider, model }: InitTier): string {
  const known = provider.models.map((info) => info.id);
  // The tier's model first: it is the one Router names; the others stay usable as "provider,model".
  const models = [model, ...known.filter((id) => id !== model)];
  const about = [`${provider.displayName} (@ccr/provider-${provider.id})`, provider.docsUrl]
    .filter(Boolean)
    .join(": ");
  const lines = [
    "    {",
    `      // ${about}`,
    `      "name": ${JSON.stringify(provider.id)},`,
    `      "provider": ${JSON.stringify(provider.id)},`,
  ];
  const variable = keyVariable(provider);
  lines.push(
    variable === undefined ? "      // No key: a local server." : `      "api_key": "$${variable}",`,
  );
  lines.push(`      "models": [${models.map((id) => JSON.stringify(id)).join(", ")}]`, "    }");
  return lines.join("\n");
}

/** The variable a provider's key is read from: the package's own, else `<ID>_API_KEY`; none for keyless ones. */
export function keyVariable(provider: ProviderDefinition): string | undefined {
  if (provider.auth.style === "none") return undefined;
  return provider.apiKeyEnv ?? `${provider.id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_API_KEY`;
}

import { type CcrConfig, parseTierRef, resolveTier, type TierRef } from "@ccr/config";

/**
 * The tier a user named as `"provider,model"` (`/model`, a subagent tag, a custom router): a configured pair,
 * matched regardless of case (Claude Code lowercases `/model`); else, for a configured provider, the model as
 * written even when the provider does not list it, as claude-code-router sends it on too. Undefined when no
 * configured provider is named.
 */
export function resolveTarget(config: CcrConfig, value: string): TierRef | undefined {
  const listed = resolveTier(config, value);
  if (listed) return listed;
  const ref = parseTierRef(value);
  if (!ref) return undefined;
  const lower = ref.provider.toLowerCase();
  const matches = Object.keys(config.providers).filter((name) => name.toLowerCase() === lower);
  const provider = config.providers[ref.provider]
    ? ref.provider
    : matches.length === 1
      ? matches[0]
      : undefined;
  return provider === undefined ? undefined : { provider, model: ref.model, id: `${provider},${ref.model}` };
}

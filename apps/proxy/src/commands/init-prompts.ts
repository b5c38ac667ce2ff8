import type { ProviderDefinition } from "@ccr/provider";
import { cancel, confirm, intro, isCancel, multiselect, note, select } from "@clack/prompts";
import type { Env } from "../runtime/ccr-home.js";
import { type InitTier, keyVariable } from "./init-config-text.js";

export interface InitAnswers {
  readonly tiers: InitTier[];
  /** undefined: not asked (a flag decided). */
  readonly statusLine?: boolean;
}

/**
 * The questions of `ccr init` on a terminal: which providers, which model of each, in which order the
 * tiers cascade, and whether to show CCR in Claude Code's status line. undefined when the user cancels.
 */
export async function askInitAnswers(
  catalog: readonly ProviderDefinition[],
  env: Env,
  options: { configPath: string; askStatusLine: boolean },
): Promise<InitAnswers | undefined> {
  intro("ccr init");
  note(
    `Writes ${options.configPath}: the providers you pick, as tiers that cascade when one is rate-limited.`,
    "What this does",
  );
  const chosen = await multiselect({
    message: "Which providers? (space to pick, enter to go on)",
    options: catalog.map((provider) => ({
      value: provider.id,
      label: provider.displayName,
      hint: keyHint(provider, env),
    })),
    // Those whose key is already exported are the likely ones.
    initialValues: catalog
      .filter((provider) => {
        const variable = keyVariable(provider);
        return variable !== undefined && env[variable];
      })
      .map((provider) => provider.id),
    required: true,
  });
  if (isCancel(chosen)) return cancelled();

  const byId = new Map(catalog.map((provider) => [provider.id, provider]));
  const tiers: InitTier[] = [];
  for (const id of chosen) {
    const provider = byId.get(id)!;
    let model = provider.models[0]?.id ?? "";
    if (provider.models.length > 1) {
      const picked = await select({
        message: `${provider.displayName}: which model for its tier?`,
        options: provider.models.map((info) => ({
          value: info.id,
          label: info.id,
          ...(info.displayName && { hint: info.displayName }),
        })),
        initialValue: model,
      });
      if (isCancel(picked)) return cancelled();
      model = picked;
    }
    tiers.push({ provider, model });
  }

  const ordered: InitTier[] = [];
  const remaining = [...tiers];
  while (remaining.length > 1) {
    const position = ordered.length;
    const next = await select({
      message:
        position === 0
          ? "Tier 0: tried first for every request"
          : `Tier ${position}: tried when tier ${position - 1} cannot answer`,
      options: remaining.map((tier) => ({
        value: tier.provider.id,
        label: `${tier.provider.id},${tier.model}`,
      })),
    });
    if (isCancel(next)) return cancelled();
    const index = remaining.findIndex((tier) => tier.provider.id === next);
    ordered.push(...remaining.splice(index, 1));
  }
  ordered.push(...remaining);

  if (!options.askStatusLine) return { tiers: ordered };
  const statusLine = await confirm({
    message: "Show CCR (tier answering, tokens, cooling tiers) in Claude Code's status line?",
    initialValue: true,
  });
  if (isCancel(statusLine)) return cancelled();
  return { tiers: ordered, statusLine };
}

function keyHint(provider: ProviderDefinition, env: Env): string {
  const variable = keyVariable(provider);
  if (variable === undefined) return "no key";
  return env[variable] ? `${variable} is set` : `needs ${variable}`;
}

function cancelled(): undefined {
  cancel("Nothing written.");
  return undefined;
}

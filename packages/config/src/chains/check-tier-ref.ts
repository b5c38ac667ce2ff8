import type { ConfigIssue } from "../issues/config-issue.js";
import { closestMatch } from "../issues/suggest.js";
import type { TierRef } from "../types.js";
import { parseTierRef } from "./tier-ref.js";

/**
 * Provider name → its models. `undefined` models mark a provider entry that exists but is itself invalid:
 * references to it are not reported a second time.
 */
export type ProviderCatalog = ReadonlyMap<string, readonly string[] | undefined>;

/** Resolves a `"provider,model"` written at `path`, or explains what is wrong with it and what was likely meant. */
export function checkTierRef(
  value: string,
  path: string,
  catalog: ProviderCatalog,
): { ref: TierRef; issue?: undefined } | { ref?: undefined; issue?: ConfigIssue } {
  const received = JSON.stringify(value);
  const ref = parseTierRef(value);
  if (ref === undefined) {
    return {
      issue: {
        path,
        message: 'must name a tier as "provider,model"',
        expected: '"provider,model"',
        received,
        ...formatHint(value, catalog),
      },
    };
  }
  if (!catalog.has(ref.provider)) {
    const names = [...catalog.keys()];
    const provider = closestMatch(ref.provider, names);
    return {
      issue: {
        path,
        message: `names an unknown provider ${JSON.stringify(ref.provider)}`,
        expected:
          names.length === 0 ? "a provider listed in Providers" : `one of the providers ${quoteAll(names)}`,
        received,
        ...(provider !== undefined && {
          suggestion: `did you mean ${JSON.stringify(`${provider},${ref.model}`)}?`,
        }),
      },
    };
  }
  const models = catalog.get(ref.provider);
  if (models === undefined) return {};
  if (!models.includes(ref.model)) {
    const model = closestMatch(ref.model, models);
    const elsewhere = [...catalog].find(([, list]) => list?.includes(ref.model))?.[0];
    const suggestion =
      model !== undefined
        ? `did you mean ${JSON.stringify(`${ref.provider},${model}`)}?`
        : elsewhere !== undefined
          ? `did you mean ${JSON.stringify(`${elsewhere},${ref.model}`)}?`
          : `add ${JSON.stringify(ref.model)} to the models of provider ${JSON.stringify(ref.provider)}`;
    return {
      issue: {
        path,
        message: `names a model that provider ${JSON.stringify(ref.provider)} does not list`,
        expected: `one of ${quoteAll(models)}`,
        received,
        suggestion,
      },
    };
  }
  return { ref };
}

// A bare provider or model name is the usual slip: suggest the full pair.
function formatHint(value: string, catalog: ProviderCatalog): { suggestion?: string } {
  const bare = value.trim();
  const models = catalog.get(bare);
  if (models?.[0] !== undefined)
    return { suggestion: `did you mean ${JSON.stringify(`${bare},${models[0]}`)}?` };
  for (const [provider, list] of catalog) {
    if (list?.includes(bare)) return { suggestion: `did you mean ${JSON.stringify(`${provider},${bare}`)}?` };
  }
  return {};
}

function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { didYouMean, type ProviderLoadFailure, type ProviderPackages } from "@ccr/config";
import { type ProviderDefinition, providerFromModule, providerPackageName } from "@ccr/provider";
import type { TransformerRegistry } from "@ccr/transform";
import { resolvePackageFrom } from "./resolve-package-from.js";

/** The provider packages of this repository, shipped with the proxy (its dependencies `@ccr/provider-<id>`). */
export const BUNDLED_PROVIDER_IDS = [
  "anthropic",
  "deepseek",
  "gemini",
  "groq",
  "minimax",
  "moonshot",
  "ollama",
  "openai",
  "openrouter",
  "zai",
] as const;

const bundled: ReadonlySet<string> = new Set(BUNDLED_PROVIDER_IDS);

/** What `loadProviderPackages` found: the full definitions, which also carry the transformers they provide. */
export interface LoadedProviderPackages extends ProviderPackages {
  readonly providerDefinitions: Readonly<Record<string, ProviderDefinition>>;
  readonly providerLoadFailures: Readonly<Record<string, ProviderLoadFailure>>;
}

/** A provider package that could not be imported or holds no valid definition. */
class ProviderImportError extends Error {
  constructor(
    readonly failure: ProviderLoadFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.reason, options);
    this.name = "ProviderImportError";
  }
}

/**
 * Imports the provider packages a config names (`loadProviders` of `loadConfig` / `watchConfig`): a bare id is
 * `@ccr/provider-<id>`, shipped with the proxy; any other name is an npm package, resolved from the config
 * file's folder first (where users install their own), then from the proxy's. Each definition is checked by
 * `providerFromModule`; a package that cannot be used becomes a load failure saying what to do.
 */
export async function loadProviderPackages(
  refs: readonly string[],
  configPath: string,
): Promise<LoadedProviderPackages> {
  const providerDefinitions: Record<string, ProviderDefinition> = {};
  const providerLoadFailures: Record<string, ProviderLoadFailure> = {};
  await Promise.all(
    refs.map(async (ref) => {
      try {
        providerDefinitions[ref] = await importProvider(ref, configPath);
      } catch (error) {
        providerLoadFailures[ref] =
          error instanceof ProviderImportError ? error.failure : { reason: String(error) };
      }
    }),
  );
  return { providerDefinitions, providerLoadFailures };
}

/** Makes the transformers provider packages bring available by name (`groq-usage`...); returns the new names. */
export function registerProvidedTransformers(
  packages: LoadedProviderPackages,
  registry: TransformerRegistry,
): string[] {
  const names: string[] = [];
  for (const definition of Object.values(packages.providerDefinitions)) {
    const provided = definition.transformersProvided ?? {};
    for (const [name, factory] of Object.entries(provided)) {
      if (registry.has(name)) continue;
      registry.register(name, factory);
      names.push(name);
    }
  }
  return names;
}

/**
 * Registers the transformers the bundled provider packages provide (`deepseek`, `groq`, `gemini`, `moonshot`
 * and its alias `kimi`, their usage fixes) under their names, so a config entry that writes
 * `"transformer": {"use": ["deepseek"]}` without naming the package keeps working, as in claude-code-router.
 * Call it on a fresh registry, before the user's own transformers (which may then replace a name); names
 * already taken are kept. Returns the names it registered.
 */
export async function registerBundledTransformers(registry: TransformerRegistry): Promise<string[]> {
  const definitions = await Promise.all(
    BUNDLED_PROVIDER_IDS.map(async (id) => {
      const name = providerPackageName(id);
      return [id, providerFromModule(await import(name), name)] as const;
    }),
  );
  return registerProvidedTransformers(
    { providerDefinitions: Object.fromEntries(definitions), providerLoadFailures: {} },
    registry,
  );
}

async function importProvider(ref: string, configPath: string): Promise<ProviderDefinition> {
  const name = providerPackageName(ref);
  let exports: unknown;
  try {
    exports = await importPackage(name, ref, configPath);
  } catch (error) {
    throw new ProviderImportError(notFound(ref, name, configPath, error), { cause: error });
  }
  try {
    return providerFromModule(exports, name);
  } catch (error) {
    throw new ProviderImportError(
      {
        reason: `${name} is not a usable provider package: ${(error as Error).message}`,
        suggestion: `update ${name}, or write the entry out in full (api_base_url, models) without "provider"`,
      },
      { cause: error },
    );
  }
}

async function importPackage(name: string, ref: string, configPath: string): Promise<unknown> {
  if (bundled.has(ref)) return import(name);
  const installed = resolvePackageFrom(name, dirname(configPath));
  // Not installed next to the config: the proxy's own (installed next to CCR).
  return installed === undefined ? import(name) : import(pathToFileURL(installed).href);
}

function notFound(ref: string, name: string, configPath: string, error: unknown): ProviderLoadFailure {
  const code = (error as { code?: unknown }).code;
  const missing = code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
  const reason = missing
    ? `${name} is not installed`
    : `importing ${name} failed: ${(error as Error).message}`;
  const guess = name.startsWith("@ccr/provider-") ? didYouMean(ref, BUNDLED_PROVIDER_IDS) : undefined;
  if (guess !== undefined)
    return { reason, suggestion: `${guess} (bundled: ${BUNDLED_PROVIDER_IDS.join(", ")})` };
  return {
    reason,
    suggestion: `install it next to the config: cd ${dirname(configPath)} && npm i ${name}`,
  };
}

import { pathToFileURL } from "node:url";
import type { CustomTransformerConfig } from "@ccr/config";
import type { CustomRouter } from "@ccr/router";
import { adaptTransformerModule, type TransformerRegistry } from "@ccr/transform";

/** A user module failed to load: says which file and why, so the user can fix the path or the module. */
export class ExtensionLoadError extends Error {
  readonly modulePath: string;
  constructor(kind: string, modulePath: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot load ${kind} ${modulePath}: ${reason}`, options);
    this.name = "ExtensionLoadError";
    this.modulePath = modulePath;
  }
}

async function importModule(kind: string, path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ExtensionLoadError(kind, path, (error as Error).message, { cause: error });
  }
}

/** Loads the custom router; CommonJS (`module.exports = fn`) and ESM default exports both work. */
export async function loadCustomRouter(path: string): Promise<CustomRouter> {
  const module = await importModule("custom router", path);
  const candidate = typeof module.default === "function" ? module.default : module.router;
  if (typeof candidate !== "function") {
    throw new ExtensionLoadError("custom router", path, "the module must export a function (default export)");
  }
  return async (request, config, context) => {
    const result: unknown = await candidate(request, config, context);
    return typeof result === "string" && result.length > 0 ? result : null;
  };
}

/**
 * Registers each `transformers: [{path, options}]` module under the name it declares, so provider
 * `transformer.use` entries can name it like a built-in. Returns the registered names.
 */
export async function loadCustomTransformers(
  modules: readonly CustomTransformerConfig[],
  registry: TransformerRegistry,
): Promise<string[]> {
  const names: string[] = [];
  for (const { path, options } of modules) {
    const exports = await importModule("transformer", path);
    let name: string;
    try {
      name = adaptTransformerModule(exports, options).name;
    } catch (error) {
      throw new ExtensionLoadError("transformer", path, (error as Error).message, { cause: error });
    }
    registry.register(name, (overrides) => adaptTransformerModule(exports, overrides ?? options));
    names.push(name);
  }
  return names;
}

import { builtinTransformers } from "../transformers/builtin-transformers.js";
import type { Transformer, TransformerFactory, TransformerSpec } from "./transformer.js";
import { TransformerConfigError } from "./transformer-config-error.js";

/**
 * Named transformer factories. `create` builds each distinct spec once and
 * then returns the same instance, since it runs on every request's path.
 */
export interface TransformerRegistry {
  /** Adds or replaces a factory. Names are case-insensitive (`Anthropic` = `anthropic`). */
  register(name: string, factory: TransformerFactory): TransformerRegistry;
  has(name: string): boolean;
  /** The registered names, sorted. */
  names(): string[];
  /** @throws TransformerConfigError for an unknown name (listing the known ones) or bad options. */
  create(spec: TransformerSpec): Transformer;
}

/** A registry preloaded with every built-in transformer (unless `builtins: false`). */
export function createTransformerRegistry(options: { builtins?: boolean } = {}): TransformerRegistry {
  const factories = new Map<string, TransformerFactory>();
  // Config objects are frozen and reused across requests, so identity is the cheap key;
  // the serialized key catches equal specs built separately.
  let bySpec = new WeakMap<TransformerSpec, Transformer>();
  let byKey = new Map<string, Transformer>();

  const registry: TransformerRegistry = {
    register(name, factory) {
      factories.set(name.toLowerCase(), factory);
      bySpec = new WeakMap();
      byKey = new Map();
      return registry;
    },
    has(name) {
      return factories.has(name.toLowerCase());
    },
    names() {
      return [...factories.keys()].sort();
    },
    create(spec) {
      const cached = bySpec.get(spec);
      if (cached) return cached;
      const key = `${spec.name.toLowerCase()}\u0000${spec.options === undefined ? "" : JSON.stringify(spec.options)}`;
      let transformer = byKey.get(key);
      if (!transformer) {
        const factory = factories.get(spec.name.toLowerCase());
        if (!factory) {
          throw new TransformerConfigError(
            spec.name,
            `unknown transformer. Known transformers: ${registry.names().join(", ")}. ` +
              `A custom transformer must be listed in "transformers" ({ "path": ..., "options": ... }) to be used by name.`,
          );
        }
        transformer = factory(spec.options);
        byKey.set(key, transformer);
      }
      bySpec.set(spec, transformer);
      return transformer;
    },
  };

  if (options.builtins !== false) {
    for (const [name, factory] of Object.entries(builtinTransformers)) registry.register(name, factory);
  }
  return registry;
}

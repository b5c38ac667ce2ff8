import { deepFreeze } from "./deep-freeze.js";
import { definitionProblems } from "./definition-problems.js";
import type { ProviderDefinition } from "./provider-definition.js";
import { ProviderDefinitionError } from "./provider-definition-error.js";

function looksLikeDefinition(value: unknown): value is ProviderDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { id?: unknown }).id === "string" &&
    Array.isArray((value as { models?: unknown }).models) &&
    typeof (value as { protocol?: unknown }).protocol === "string"
  );
}

/**
 * The provider definition exported by an imported provider package (what `await import(name)`
 * returned): its default export, or its one export named `...Provider`. The proxy does the
 * import (I/O); this picks and checks the definition, and throws `ProviderDefinitionError`
 * naming `specifier` when the module has none or an invalid one.
 */
export function providerFromModule(moduleExports: unknown, specifier: string): ProviderDefinition {
  const exportsObject = (
    typeof moduleExports === "object" && moduleExports !== null ? moduleExports : {}
  ) as Record<string, unknown>;
  const nested = exportsObject.default as Record<string, unknown> | undefined;
  const candidates = [
    exportsObject.default,
    ...Object.entries(exportsObject)
      .filter(([name]) => name.endsWith("Provider"))
      .map(([, value]) => value),
    // CJS packages imported from ESM put their named exports under `default`.
    ...Object.entries(typeof nested === "object" && nested !== null ? nested : {})
      .filter(([name]) => name.endsWith("Provider"))
      .map(([, value]) => value),
  ].filter(looksLikeDefinition);
  const unique = [...new Set(candidates)];
  if (unique.length !== 1) {
    const found = unique.length === 0 ? "none" : unique.map((def) => def.id).join(", ");
    throw new ProviderDefinitionError(undefined, [
      `${specifier}: expected exactly one provider definition (a default export or an export named "<name>Provider"), found ${found}`,
    ]);
  }
  const def = unique[0]!;
  const problems = definitionProblems(def);
  if (problems.length > 0)
    throw new ProviderDefinitionError(
      def.id,
      problems.map((p) => `${specifier}: ${p}`),
    );
  return deepFreeze(def);
}

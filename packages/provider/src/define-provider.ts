import { deepFreeze } from "./deep-freeze.js";
import { definitionProblems } from "./definition-problems.js";
import type { ProviderDefinition } from "./provider-definition.js";
import { ProviderDefinitionError } from "./provider-definition-error.js";

/**
 * Checks a provider definition and returns it deeply frozen. Throws `ProviderDefinitionError`
 * listing every problem, so a broken provider package fails when it is imported, not mid-request.
 */
export function defineProvider(def: ProviderDefinition): ProviderDefinition {
  const problems = definitionProblems(def);
  if (problems.length > 0) {
    const id = typeof def === "object" && def !== null && typeof def.id === "string" ? def.id : undefined;
    throw new ProviderDefinitionError(id, problems);
  }
  return deepFreeze(def);
}

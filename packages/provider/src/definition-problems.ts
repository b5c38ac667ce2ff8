import * as v from "valibot";
import { providerDefinitionSchema } from "./provider-definition-schema.js";

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(".") || "(root)";
}

/**
 * Every problem with a provider definition: its shape, then the rules that tie fields together.
 * Empty when the definition is usable. Pure; `defineProvider` throws with this list.
 */
export function definitionProblems(def: unknown): string[] {
  const parsed = v.safeParse(providerDefinitionSchema, def);
  if (!parsed.success) return parsed.issues.map((issue) => `${issuePath(issue)}: ${issue.message}`);
  const d = parsed.output;
  const problems: string[] = [];

  const seen = new Set<string>();
  d.models.forEach((model, index) => {
    if (seen.has(model.id)) problems.push(`models.${index}.id: duplicate model id "${model.id}"`);
    seen.add(model.id);
    if (model.maxOutputTokens > model.contextWindow) {
      problems.push(
        `models.${index}.maxOutputTokens: ${model.maxOutputTokens} exceeds the context window (${model.contextWindow})`,
      );
    }
  });
  for (const modelId of Object.keys(d.modelTransformers ?? {})) {
    if (!seen.has(modelId)) problems.push(`modelTransformers.${modelId}: no model with this id in models`);
  }
  if (d.auth.style === "none" && d.apiKeyEnv !== undefined) {
    problems.push(`apiKeyEnv: auth style "none" sends no key, so there is no key variable to name`);
  }
  if (d.auth.style !== "none" && d.apiKeyEnv === undefined) {
    problems.push(`apiKeyEnv: auth style "${d.auth.style}" needs a key; name the variable users keep it in`);
  }
  const endpointIds = new Set<string>();
  (d.alternateEndpoints ?? []).forEach((endpoint, index) => {
    if (endpointIds.has(endpoint.id))
      problems.push(`alternateEndpoints.${index}.id: duplicate id "${endpoint.id}"`);
    endpointIds.add(endpoint.id);
  });
  return problems;
}

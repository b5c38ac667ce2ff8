import * as v from "valibot";
import { TranslationError } from "../errors/translation-error.js";

/**
 * A client's JSON body checked against an OpenAI request schema: the typed request, or a 400 naming the field
 * at fault the way OpenAI's `param` does (`messages[2].content[0].image_url.url`). One problem is reported,
 * the one the schema got furthest into: for "a string or an array of parts", the part that failed, not the
 * union.
 *
 * @param at Where `body` sits in the request, for a part checked on its own (`tools[3]`).
 * @throws TranslationError (400) with `path` set to the field.
 */
export function parseOpenAIRequest<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
  at = "",
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = deepestIssue(result.issues);
  const inner = issuePath(issue);
  const path = at === "" || inner === "" || inner.startsWith("[") ? `${at}${inner}` : `${at}.${inner}`;
  const message = issue.kind === "schema" && issue.received === "undefined" ? "is required" : issue.message;
  throw new TranslationError(message, path === "" ? undefined : { path });
}

function deepestIssue(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown> {
  let best = issues[0]!;
  let bestDepth = -1;
  for (const issue of issues) {
    const nested = issue.issues && issue.issues.length > 0 ? deepestIssue(issue.issues) : issue;
    // A union's branches may fail before reaching a field: then the union's own issue says more.
    const candidate = (nested.path?.length ?? 0) >= (issue.path?.length ?? 0) ? nested : issue;
    const depth = candidate.path?.length ?? 0;
    if (depth > bestDepth) {
      best = candidate;
      bestDepth = depth;
    }
  }
  return best;
}

/** `messages[2].content[0].image_url.url`: keys joined with dots, array indexes in brackets. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = "";
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === "number") path += `[${key}]`;
    else path += path === "" ? String(key) : `.${String(key)}`;
  }
  return path;
}

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
  const { issue, keys } = deepestIssue(result.issues, []);
  const inner = pathText(keys);
  const path = at === "" || inner === "" || inner.startsWith("[") ? `${at}${inner}` : `${at}.${inner}`;
  const message = issue.kind === "schema" && issue.received === "undefined" ? "is required" : issue.message;
  throw new TranslationError(message, path === "" ? undefined : { path });
}

type Found = { issue: v.BaseIssue<unknown>; keys: unknown[] };

/**
 * The issue with the longest path. A union's own issue lists each branch's issues with paths relative to
 * the union's input, so they are joined to the union's path; when no branch got past the union's input, the
 * union's own issue says more.
 */
function deepestIssue(issues: readonly v.BaseIssue<unknown>[], parent: unknown[]): Found {
  let best: Found | undefined;
  for (const issue of issues) {
    const keys = [...parent, ...(issue.path ?? []).map((item) => (item as { key: unknown }).key)];
    let found: Found = { issue, keys };
    if (issue.issues && issue.issues.length > 0) {
      const nested = deepestIssue(issue.issues, keys);
      if (nested.keys.length > keys.length) found = nested;
    }
    if (!best || found.keys.length > best.keys.length) best = found;
  }
  return best!;
}

/** `messages[2].content[0].image_url.url`: keys joined with dots, array indexes in brackets. */
function pathText(keys: readonly unknown[]): string {
  let path = "";
  for (const key of keys) {
    if (typeof key === "number") path += `[${key}]`;
    else path += path === "" ? String(key) : `.${String(key)}`;
  }
  return path;
}

import * as v from "valibot";

/**
 * Small schemas every part of the request uses. Objects are `v.object`:
 * fields the schema does not name are allowed and kept (the decoder returns
 * the client's own objects, not the schema's output), only not checked.
 */

export const nonEmptyString = v.pipe(v.string(), v.nonEmpty());

export const cacheControlSchema = v.nullish(
  v.object({ type: v.literal("ephemeral"), ttl: v.optional(v.picklist(["5m", "1h"])) }),
);

/**
 * A JSON object whose contents are the client's own (a tool's input, a JSON
 * schema): checked to be an object in O(1), never walked by the schema.
 * Depth and sizes inside were already bounded by the limits check.
 */
export const jsonObjectSchema = v.custom<Record<string, unknown>>(
  (input) => typeof input === "object" && input !== null && !Array.isArray(input),
  "Input should be a valid dictionary",
);

/** An object with a string `type` and anything else: a shape only Anthropic reads (citations, edits...). */
export const typedObjectSchema = v.object({ type: v.string() });

/**
 * A string, or a list of `item`: Anthropic's shorthand for content. Chosen by
 * the input's own type rather than tried as a union, so a bad block deep in
 * the list is reported at its own path, not as "not a string or a list".
 */
export function stringOrList<TItem extends v.GenericSchema>(item: TItem, expected: string) {
  const list = v.array(item);
  const neither = v.custom<never>(() => false, `Input should be a valid string or ${expected}`);
  return v.lazy((input) =>
    typeof input === "string" ? stringSchema : Array.isArray(input) ? list : neither,
  );
}

const stringSchema = v.string();

/**
 * An object whose `key` (a string tag such as `type` or `role`) picks its
 * schema: one map lookup instead of valibot's try-each-option `variant`,
 * which matters for the blocks of a 400-message conversation. A missing or
 * unknown tag is reported at `key` with the tags allowed.
 */
export function taggedUnion<
  const TKey extends string,
  const TOption extends v.ObjectSchema<v.ObjectEntries, undefined>,
>(key: TKey, options: readonly TOption[]) {
  const byTag = new Map<unknown, TOption>(
    options.map((option) => [(option.entries[key] as v.LiteralSchema<string, undefined>).literal, option]),
  );
  const badTag = v.object({ [key]: v.picklist([...byTag.keys()] as string[]) });
  return v.lazy((input) => {
    const tag =
      typeof input === "object" && input !== null ? (input as Record<string, unknown>)[key] : undefined;
    return byTag.get(tag) ?? (badTag as unknown as TOption);
  });
}

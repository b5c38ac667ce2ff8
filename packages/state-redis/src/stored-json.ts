import * as v from "valibot";

// What tier and key records have in common as other replicas (possibly of another version) store them.

export const timestampSchema = v.pipe(v.number(), v.finite());

export const lastErrorSchema = v.looseObject({
  reason: v.string(),
  status: v.optional(v.number()),
  message: v.optional(v.string()),
  at: timestampSchema,
});

/** The value of a JSON text that `schema` accepts; undefined when the text is not JSON or not such a value. */
export function parseStoredJson<const Schema extends v.GenericSchema>(
  text: string,
  schema: Schema,
): v.InferOutput<Schema> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
}

import { isRecord } from "@ccr/provider";

/**
 * Schema keywords Gemini's function declarations accept (its OpenAPI 3.0
 * subset). Everything else — `additionalProperties`, `$schema`, `default`,
 * `examples`, `$ref`, `const`... — makes Gemini answer 400, so it goes.
 */
const KEPT_KEYWORDS = new Set([
  "type",
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "items",
  "properties",
  "required",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "anyOf",
  "propertyOrdering",
]);

/** `format` values Gemini accepts, per type; others are dropped. */
const KEPT_FORMATS: Readonly<Record<string, ReadonlySet<string>>> = {
  string: new Set(["enum", "date-time"]),
  integer: new Set(["int32", "int64"]),
  number: new Set(["float", "double"]),
};

/**
 * A JSON Schema cleaned recursively to the OpenAPI 3.0 subset Gemini's function declarations accept:
 * unknown keywords and `format` values dropped, `type: ["x", "null"]` → `type: "x", nullable: true`, a
 * string `const` → a one-value `enum`, `required` limited to the properties that exist.
 */
export function cleanGeminiSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let type = schema.type;
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== "null");
    if (types.length < type.length) out.nullable = true;
    type = types.length === 1 ? types[0] : undefined;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT_KEYWORDS.has(key)) continue;
    switch (key) {
      case "type":
        if (type !== undefined) out.type = type;
        break;
      case "format":
        if (typeof type === "string" && typeof value === "string" && KEPT_FORMATS[type]?.has(value))
          out.format = value;
        break;
      case "properties":
        if (isRecord(value)) {
          out.properties = Object.fromEntries(
            Object.entries(value).map(([name, child]) => [
              name,
              isRecord(child) ? cleanGeminiSchema(child) : child,
            ]),
          );
        }
        break;
      case "items":
        out.items = isRecord(value) ? cleanGeminiSchema(value) : value;
        break;
      case "anyOf":
        out.anyOf = Array.isArray(value)
          ? value.map((child) => (isRecord(child) ? cleanGeminiSchema(child) : child))
          : value;
        break;
      default:
        out[key] = value;
    }
  }
  // Gemini's enum holds strings only, so only a string const can become one.
  if (typeof schema.const === "string" && out.enum === undefined) {
    out.enum = [schema.const];
    out.type ??= "string";
  }
  if (Array.isArray(out.required) && isRecord(out.properties)) {
    const properties = out.properties;
    out.required = out.required.filter((name) => typeof name === "string" && name in properties);
  }
  return out;
}

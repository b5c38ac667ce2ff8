import * as v from "valibot";

const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
const url = v.pipe(v.string(), v.url("must be an absolute URL"));

const transformerSpec = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty()),
  options: v.optional(v.record(v.string(), v.unknown())),
});

const auth = v.variant("style", [
  v.strictObject({ style: v.literal("bearer") }),
  v.strictObject({ style: v.literal("x-api-key") }),
  v.strictObject({ style: v.literal("header"), header: v.pipe(v.string(), v.nonEmpty()) }),
  v.strictObject({ style: v.literal("none") }),
]);

const protocol = v.picklist(["openai", "anthropic"]);

const model = v.strictObject({
  id: v.pipe(v.string(), v.nonEmpty()),
  displayName: v.optional(v.string()),
  contextWindow: positiveInteger,
  maxOutputTokens: positiveInteger,
  capabilities: v.strictObject({ tools: v.boolean(), vision: v.boolean(), reasoning: v.boolean() }),
  pricing: v.strictObject({
    input: nonNegative,
    output: nonNegative,
    cacheRead: v.optional(nonNegative),
    cacheWrite: v.optional(nonNegative),
  }),
});

/** The shape of a `ProviderDefinition`; cross-field rules live in `definitionProblems`. */
export const providerDefinitionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes")),
  displayName: v.pipe(v.string(), v.nonEmpty()),
  defaultBaseUrl: url,
  protocol,
  auth,
  apiKeyEnv: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z][A-Z0-9_]*$/, "must be an environment variable name")),
  ),
  headers: v.optional(v.record(v.string(), v.string())),
  transformers: v.array(transformerSpec),
  modelTransformers: v.optional(v.record(v.string(), v.array(transformerSpec))),
  models: v.pipe(v.array(model), v.minLength(1, "must list at least one model")),
  transformersProvided: v.optional(v.record(v.string(), v.function())),
  alternateEndpoints: v.optional(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.nonEmpty()),
        baseUrl: url,
        protocol,
        description: v.pipe(v.string(), v.nonEmpty()),
        auth: v.optional(auth),
        transformers: v.optional(v.array(transformerSpec)),
      }),
    ),
  ),
  docsUrl: v.optional(url),
});
